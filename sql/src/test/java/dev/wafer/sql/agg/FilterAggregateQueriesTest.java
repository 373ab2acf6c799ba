package dev.wafer.sql.agg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.exec.RecentScans;
import dev.wafer.adapter.exec.ScanReport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A WHERE clause and a GROUP BY pushed into the same scan: the filter kernels select rows, the
 * partial aggregates fold only those. Every query returns what {@code rules=off} and DuckDB
 * return, and its plan shows both the pushed filter and the pushed aggregate over one scan.
 * Batches are answered from statistics only when the predicate provably keeps all their rows.
 */
class FilterAggregateQueriesTest extends AggTestBase {
  FilterAggregateQueriesTest() {
    super("wafer-filter-agg", 7);
  }

  /** name, Wafer SQL, DuckDB SQL (null: the same). */
  static Stream<Arguments> queries() {
    return Stream.of(
        Arguments.of("seed: tests IN list and value range by wafer",
            "select wafer, count(*), avg(measured), min(measured), max(measured) from results "
                + "where test_name in ('vdd_leak', 'idd_q') and measured between 0.9 and 1.1 group by wafer", null),
        Arguments.of("one-day ts range by test",
            "select test_name, count(*), avg(test_time), stddev_samp(measured) from results "
                + "where ts >= timestamp '2024-01-31 00:00:00' and ts < timestamp '2024-02-01 00:00:00' "
                + "group by test_name", null),
        Arguments.of("partition filter, statistics-only calls",
            "select count(*), min(ts), max(test_day), count(big) from results where test_date = date '2024-02-01'",
            null),
        Arguments.of("partly matching range, statistics-only calls",
            "select count(*), min(ts), max(big), count(big) from results where ts < timestamp '2024-01-31 06:00:00'",
            null),
        Arguments.of("filter on a column not aggregated, dictionary key",
            "select lot, sum(test_time), count(measured) from results where site = 2 and not passed group by lot",
            null),
        Arguments.of("filter with NULL logic and FILTER clause",
            "select test_name, count(*) filter (where hard_bin = 1), count(*) from results "
                + "where label is null or wafer <> 3 group by test_name", null),
        Arguments.of("filter matching nothing, grouped", "select wafer, count(*) from results where site > 10 "
            + "group by wafer", null),
        Arguments.of("dictionary value in no batch's dictionary, grouped",
            "select wafer, count(*), avg(measured) from results where test_name = 'no_such_test' group by wafer", null),
        Arguments.of("dictionary value in no batch's dictionary, global",
            "select count(*), sum(measured), min(ts) from results where test_name = 'no_such_test'", null),
        Arguments.of("dictionary value in no entry, ANDed with a range",
            "select lot, count(*), max(measured) from results where measured > 0.5 and test_name = 'no_such_test' "
                + "group by lot", null),
        Arguments.of("IS NULL and IS NOT NULL of a dictionary column",
            "select wafer, count(*) filter (where test_name is not null), count(*) from results "
                + "where test_name is null or wafer < 3 group by wafer", null),
        Arguments.of("a filter dropping every NULL key leaves no NULL group (int key)",
            "select wafer, count(*), avg(measured) from results where wafer < 3 group by wafer", null),
        Arguments.of("a filter dropping every NULL key leaves no NULL group (bigint, string keys)",
            "select big, label, count(*) from results where big > 300000 and label > 's3' group by big, label", null),
        Arguments.of("dictionary test every entry passes",
            "select wafer, count(*), sum(test_time) from results where test_name <> 'no_such_test' "
                + "group by wafer", null),
        Arguments.of("filter matching nothing, global", "select count(*), sum(measured), max(ts) from results "
            + "where measured > 1000", null),
        Arguments.of("filter, time bucket key, HAVING",
            "select floor(ts to hour), count(*) from results where test_name = 'cont' and measured > 2 "
                + "group by floor(ts to hour) having count(*) > 3",
            "select date_trunc('hour', ts), count(*) from results where test_name = 'cont' and measured > 2 "
                + "group by 1 having count(*) > 3"),
        Arguments.of("parquet: IN list and range by wafer",
            "select wafer, count(*), sum(measured) from results_pq "
                + "where test_name in ('vdd_leak', 'idd_q') and measured between 0.9 and 1.1 group by wafer", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void sameAsCalciteAndDuckDb(String name, String sql, String duckSql) throws Exception {
    Results.Table wafer = Results.query(on, sql, false);
    Results.Table calcite = Results.query(off, sql, false);
    Results.assertSame(name + " (rules=off)", wafer.rows(), calcite.rows());
    assertThat(wafer.types()).as(name + ": JDBC types as with rules=off").isEqualTo(calcite.types());
    String d = (duckSql == null ? sql : duckSql).replace("results_pq", "results");
    Results.assertSame(name + " (DuckDB)", wafer.rows(), Results.query(duck, d, false).rows());
    String plan = AggregationQueriesTest.plan(on, sql);
    assertThat(plan).as(name + ": filter and aggregate pushed into one scan\n" + plan)
        .containsPattern("WaferTableScan.*filter=\\[.*aggregate=\\[")
        .doesNotContain("EnumerableAggregate")
        .doesNotContain("EnumerableFilter");
  }

  @Test
  void predicateKeepingWholeBatchesIsAnsweredFromStatistics() throws Exception {
    Results.query(on, "select count(*), min(ts) from results where test_date = date '2024-02-01'", false);
    ScanReport whole = RecentScans.latest();
    assertThat(whole.spec()).contains("filter=[").contains("aggregate=[");
    assertThat(whole.filesOpened()).as("every batch of the day answered from statistics").isZero();

    Results.query(on, "select count(*), min(ts) from results "
        + "where test_date = date '2024-02-01' and ts < timestamp '2024-02-01 12:00:00'", false);
    ScanReport partial = RecentScans.latest();
    assertThat(partial.filesOpened()).as("a predicate keeping part of a batch forces reading it").isPositive();
  }

  @Test
  void scalarSubqueryAggregateIsScannedOncePerQuery() throws Exception {
    String sql = "select count(*) from results where measured > "
        + "(select avg(measured) + 2 * stddev_samp(measured) from results)";
    java.util.Set<ScanReport> before = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    before.addAll(RecentScans.list());
    Results.Table wafer = Results.query(on, sql, false);
    long scans = RecentScans.list().stream()
        .filter(r -> !before.contains(r) && r.spec().contains("STDDEV_SAMP(measured)")).count();
    Results.assertSame("scalar subquery (rules=off)", wafer.rows(), Results.query(off, sql, false).rows());
    Results.assertSame("scalar subquery (DuckDB)", wafer.rows(), Results.query(duck, sql, false).rows());
    assertThat(scans).as("the nested-loop join opens the aggregate side once per outer row; it must scan once")
        .isEqualTo(1);
  }
}
