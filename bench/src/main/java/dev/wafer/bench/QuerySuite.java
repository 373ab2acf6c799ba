package dev.wafer.bench;

import java.util.List;

/** The queries of the engine comparison: the seed notebook's analyses and what BI tools ask. */
public final class QuerySuite {
  private QuerySuite() {}

  public static List<BenchQuery> all() {
    return List.of(
        new BenchQuery("full_scan", "count and sum over every row",
            "SELECT COUNT(*) AS n, SUM(test_value) AS s FROM test_results", false),
        new BenchQuery("count_by_wafer", "seed: rows per wafer",
            "SELECT wafer_id, COUNT(*) AS n FROM test_results GROUP BY wafer_id", false),
        new BenchQuery("mean_time_by_test", "seed: true mean test time per test",
            "SELECT test_name, AVG(test_time_ms) AS mean_ms FROM test_results GROUP BY test_name",
            false),
        new BenchQuery("outliers_3sigma", "seed: rows beyond 3 global sigma",
            "SELECT COUNT(*) AS n FROM test_results t CROSS JOIN "
                + "(SELECT AVG(test_value) AS m, STDDEV_POP(test_value) AS s FROM test_results) g "
                + "WHERE ABS(t.test_value - g.m) > 3 * g.s", false),
        new BenchQuery("in_between", "seed: IN + BETWEEN filter",
            "SELECT COUNT(*) AS n, AVG(test_value) AS m FROM test_results "
                + "WHERE test_name IN ('Vdd', 'Idd') AND test_value BETWEEN 90 AND 110", false),
        new BenchQuery("project_2_of_19", "seed: column pruning, 2 of 19 columns fetched",
            "SELECT device_id, test_value FROM test_results", true),
        new BenchQuery("one_day", "one-day time range",
            "SELECT COUNT(*) AS n, AVG(test_value) AS m FROM test_results "
                + "WHERE ts >= TIMESTAMP '2024-01-03 00:00:00' AND ts < TIMESTAMP '2024-01-04 00:00:00'",
            false),
        new BenchQuery("yield_per_wafer", "die yield per wafer (a die passes when all its tests pass)",
            "SELECT wafer_id, AVG(CASE WHEN fails = 0 THEN 1.0 ELSE 0.0 END) AS yield FROM "
                + "(SELECT wafer_id, device_id, SUM(CASE WHEN passed THEN 0 ELSE 1 END) AS fails "
                + "FROM test_results GROUP BY wafer_id, device_id) d GROUP BY wafer_id", false),
        new BenchQuery("cpk_test_wafer", "Cpk per test per wafer",
            "SELECT wafer_id, test_name, CASE WHEN MAX(hi_limit) - AVG(test_value) "
                + "< AVG(test_value) - MIN(lo_limit) THEN MAX(hi_limit) - AVG(test_value) "
                + "ELSE AVG(test_value) - MIN(lo_limit) END / (3 * STDDEV_SAMP(test_value)) AS cpk "
                + "FROM test_results GROUP BY wafer_id, test_name", false),
        new BenchQuery("daily_trend_filtered", "filtered daily trend: one test, mean and count per day",
            "SELECT CAST(ts AS DATE) AS d, COUNT(*) AS n, AVG(test_value) AS m FROM test_results "
                + "WHERE test_name = 'Idd' GROUP BY CAST(ts AS DATE)", false),
        new BenchQuery("group_by_device", "10,000 groups",
            "SELECT device_id, COUNT(*) AS n, AVG(test_value) AS m FROM test_results GROUP BY device_id",
            false),
        new BenchQuery("join_specs", "join with the specs dimension",
            "SELECT s.test_name, COUNT(*) AS n FROM test_results t JOIN specs s "
                + "ON t.test_num = s.test_num WHERE t.test_value > s.hi_limit GROUP BY s.test_name",
            false),
        new BenchQuery("top20_worst_wafers", "ORDER BY + LIMIT over an aggregate",
            "SELECT wafer_id, SUM(CASE WHEN passed THEN 0 ELSE 1 END) AS fails FROM test_results "
                + "GROUP BY wafer_id ORDER BY fails DESC, wafer_id LIMIT 20", false));
  }
}
