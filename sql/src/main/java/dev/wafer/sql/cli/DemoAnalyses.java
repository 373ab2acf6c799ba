package dev.wafer.sql.cli;

import java.util.List;

/**
 * The seed notebook's analyses, as SQL over the demo dataset. Each corrects a flaw of the seed:
 * means and sigmas are global (the seed averaged per-partition averages). The last three use
 * Wafer's function library (docs/functions.md): Cpk, PAT limits, and drift charts.
 */
final class DemoAnalyses {
  /** One analysis: a title, the SQL, and whether to print only a summary of a large result. */
  record Analysis(String title, String sql, boolean summarize) {}

  private DemoAnalyses() {}

  /** Analyses of real tester data ingested from STDF ({@code stdf_parts}, {@code stdf_bins}). */
  static List<Analysis> stdf() {
    return List.of(
        new Analysis("Real lot: yield per wafer from the parts (PRR) of the STDF files",
            "SELECT lot_id, wafer_id, COUNT(*) AS parts, "
                + "SUM(CASE WHEN passed THEN 1 ELSE 0 END) AS good, "
                + "100.0 * SUM(CASE WHEN passed THEN 1 ELSE 0 END) / COUNT(*) AS yield_percent "
                + "FROM stdf_parts WHERE wafer_id IS NOT NULL "
                + "GROUP BY lot_id, wafer_id ORDER BY lot_id, wafer_id", false),
        new Analysis("Real lot: failing soft-bin pareto, with the bin names from SBR",
            "SELECT p.soft_bin, MAX(NULLIF(b.bin_name, '')) AS bin_name, COUNT(*) AS parts, "
                + "100.0 * COUNT(*) / (SELECT COUNT(*) FROM stdf_parts WHERE NOT passed) AS share_of_failures "
                + "FROM stdf_parts p LEFT JOIN (SELECT DISTINCT source_file, bin_num, bin_name "
                + "FROM stdf_bins WHERE bin_type = 'S') b "
                + "ON b.source_file = p.source_file AND b.bin_num = p.soft_bin "
                + "WHERE NOT p.passed GROUP BY p.soft_bin ORDER BY parts DESC, p.soft_bin LIMIT 10",
            false));
  }

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
                + "FROM test_results GROUP BY wafer_id ORDER BY yield_percent, wafer_id LIMIT 10", false),
        new Analysis("Cpk per test per wafer (library function CPK), least capable first",
            "SELECT wafer_id, test_name, COUNT(*) AS n, CPK(test_value, lo_limit, hi_limit) AS cpk "
                + "FROM test_results GROUP BY wafer_id, test_name ORDER BY cpk, wafer_id, test_name LIMIT 10", false),
        new Analysis("PAT limits per test (AEC-Q001: median +- 6 robust sigma, clamped to the spec limits)",
            "SELECT test_name, COUNT(*) AS n, MEDIAN(test_value) AS median, ROBUST_SIGMA(test_value) AS robust_sigma, "
                + "PAT_LO(test_value, lo_limit, hi_limit) AS pat_lo, PAT_HI(test_value, lo_limit, hi_limit) AS pat_hi, "
                + "100.0 * YIELD(passed) AS yield_percent FROM test_results GROUP BY test_name ORDER BY test_name", false),
        new Analysis("Tester drift on Freq (CUSUM and EWMA over each tester's readings in time order), worst first",
            "SELECT tester_id, COUNT(*) AS freq_readings, "
                + "100.0 * SUM(CASE WHEN alarm THEN 1 ELSE 0 END) / COUNT(*) AS cusum_alarm_percent, "
                + "MAX(ewma) AS max_ewma FROM (SELECT tester_id, "
                + "CUSUM_SIGNAL(test_value, 100, 10) OVER w AS alarm, EWMA(test_value, 100, 0.01) OVER w AS ewma "
                + "FROM test_results WHERE test_name = 'Freq' WINDOW w AS (PARTITION BY tester_id ORDER BY ts)) t "
                + "GROUP BY tester_id ORDER BY cusum_alarm_percent DESC, tester_id", false));
  }
}
