package dev.wafer.sql.cli;

import java.util.List;

/**
 * The seed notebook's analyses, as SQL over the demo dataset. Each corrects a flaw of the seed:
 * means and sigmas are global (the seed averaged per-partition averages).
 */
final class DemoAnalyses {
  /** One analysis: a title, the SQL, and whether to print only a summary of a large result. */
  record Analysis(String title, String sql, boolean summarize) {}

  private DemoAnalyses() {}

  static List<Analysis> all() {
    return List.of(
        new Analysis("Rows per wafer",
            "SELECT wafer_id, COUNT(*) AS test_results FROM test_results GROUP BY wafer_id "
                + "ORDER BY wafer_id", false),
        new Analysis("Mean test time per test (a true mean over all rows)",
            "SELECT test_name, COUNT(*) AS n, AVG(test_time_ms) AS mean_test_time_ms "
                + "FROM test_results GROUP BY test_name ORDER BY test_name", false),
        new Analysis("Global 3-sigma outliers (global mean and sigma)",
            "SELECT COUNT(*) AS outliers, MIN(g.mean_value) AS mean_value, MIN(g.sigma) AS sigma "
                + "FROM test_results t CROSS JOIN (SELECT AVG(test_value) AS mean_value, "
                + "STDDEV_POP(test_value) AS sigma FROM test_results) g "
                + "WHERE ABS(t.test_value - g.mean_value) > 3 * g.sigma", false),
        new Analysis("Predicate pushdown: test_name IN ('Vdd','Idd') AND test_value BETWEEN 90 AND 110",
            "SELECT COUNT(*) AS matching_rows, (SELECT COUNT(*) FROM test_results) AS all_rows, "
                + "100.0 * COUNT(*) / (SELECT COUNT(*) FROM test_results) AS percent_kept "
                + "FROM test_results WHERE test_name IN ('Vdd', 'Idd') "
                + "AND test_value BETWEEN 90 AND 110", false),
        new Analysis("Column pruning: 2 of 19 columns (device_id, test_value)",
            "SELECT device_id, test_value FROM test_results", true),
        new Analysis("One day: 2024-01-03",
            "SELECT test_name, COUNT(*) AS n, AVG(test_value) AS mean_value FROM test_results "
                + "WHERE ts >= TIMESTAMP '2024-01-03 00:00:00' AND ts < TIMESTAMP '2024-01-04 00:00:00' "
                + "GROUP BY test_name ORDER BY test_name", false),
        new Analysis("Yield per wafer (share of passing test results), worst first",
            "SELECT wafer_id, COUNT(*) AS results, "
                + "SUM(CASE WHEN passed THEN 0 ELSE 1 END) AS failures, "
                + "100.0 * SUM(CASE WHEN passed THEN 1 ELSE 0 END) / COUNT(*) AS yield_percent "
                + "FROM test_results GROUP BY wafer_id ORDER BY yield_percent, wafer_id LIMIT 10", false));
  }
}
