package dev.wafer.sql.agg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.exec.RecentScans;
import dev.wafer.adapter.exec.ScanReport;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Joins of a table with a one-row aggregate of it (scalar subqueries, the 3-sigma outlier
 * count): the join condition is bound into the row scan as a predicate once the aggregate's
 * values are known. Every query returns what {@code rules=off} and DuckDB return; the plan shows
 * the bound filter where the condition can be bound, and the join condition where it cannot.
 */
class ScalarJoinQueriesTest extends AggTestBase {
  ScalarJoinQueriesTest() {
    super("wafer-scalar-join", 11);
  }

  /** name, Wafer SQL, DuckDB SQL (null: the same). */
  static Stream<Arguments> bound() {
    return Stream.of(
        Arguments.of("seed: 3-sigma outlier count",
            "select count(*) from results t cross join "
                + "(select avg(measured) as m, stddev_pop(measured) as s from results) g "
                + "where abs(t.measured - g.m) > 3 * g.s", null),
        Arguments.of("scalar subquery in WHERE",
            "select count(*), avg(measured) from results "
                + "where measured > (select avg(measured) + 2 * stddev_samp(measured) from results)", null),
        Arguments.of("outliers per wafer, aggregate side on the right",
            "select t.wafer, count(*) from results t, (select avg(measured) as m, stddev_samp(measured) as s "
                + "from results) g where abs(g.m - t.measured) >= 2.5 * g.s group by t.wafer", null),
        Arguments.of("aggregate values in the output",
            "select t.lot, t.measured, g.m, g.n from results t join "
                + "(select avg(measured) as m, count(*) as n from results) g on t.measured - 4 > g.m", null),
        Arguments.of("latest six hours, timestamp arithmetic",
            "select count(*), min(ts) from results t, (select max(ts) as mx from results) g "
                + "where t.ts > g.mx - interval '6' hour", null),
        Arguments.of("row filters on both sides",
            "select count(*), sum(test_time) from results t where t.site = 1 and t.measured > "
                + "(select max(measured) - 1 from results where site = 2)", null),
        Arguments.of("NULL aggregate: no rows",
            "select count(*) from results t where t.measured > (select avg(measured) from results where site > 10)",
            null),
        Arguments.of("integer column against an integer aggregate",
            "select count(*) from results t where t.big < (select max(big) - 10 from results) and t.hard_bin <> 1",
            null),
        Arguments.of("between two aggregate values",
            "select count(*) from results t, (select min(measured) as lo, max(measured) as hi from results "
                + "where test_name = 'idd_q') g where t.measured between g.lo and g.hi", null),
        Arguments.of("parquet: 3-sigma outlier count",
            "select count(*) from results_pq t cross join "
                + "(select avg(measured) as m, stddev_pop(measured) as s from results_pq) g "
                + "where abs(t.measured - g.m) > 3 * g.s", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bound")
  void boundIntoTheScan(String name, String sql, String duckSql) throws Exception {
    assertSameAsCalciteAndDuckDb(name, sql, duckSql);
    String plan = AggregationQueriesTest.plan(on, sql);
    assertThat(plan).as(name + ": the join condition is bound into the row scan\n" + plan)
        .contains("scalar filter=[")
        .doesNotContainPattern("NestedLoopJoin\\(condition=\\[(?!true\\])");
  }

  /**
   * Conditions that are TRUE for some rows when an aggregate value is NULL, or that the kernels
   * cannot evaluate (a BIGINT column cast to DOUBLE), stay in the join.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("unbound")
  void notBoundStaysInTheJoin(String name, String sql) throws Exception {
    assertSameAsCalciteAndDuckDb(name, sql, null);
    assertThat(AggregationQueriesTest.plan(on, sql)).doesNotContain("scalar filter=[");
  }

  static Stream<Arguments> unbound() {
    return Stream.of(
        Arguments.of("OR g.m IS NULL", "select count(*) from results t, "
            + "(select avg(measured) as m from results where site > 10) g where t.measured > g.m or g.m is null"),
        Arguments.of("BIGINT compared as DOUBLE",
            "select count(*) from results t where t.big < (select avg(big) from results)"));
  }

  @Test
  void theAggregateIsScannedOnceAndTheOutliersAreCountedInTheRowScan() throws Exception {
    String sql = "select count(*) from results t cross join "
        + "(select avg(measured) as m, stddev_pop(measured) as s from results) g "
        + "where abs(t.measured - g.m) > 3 * g.s";
    Set<ScanReport> before = Collections.newSetFromMap(new IdentityHashMap<>());
    before.addAll(RecentScans.list());
    long outliers = (Long) Results.query(on, sql, false).rows().get(0).get(0);
    List<ScanReport> scans = RecentScans.list().stream().filter(r -> !before.contains(r)).toList();
    assertThat(scans).as("one aggregate scan and one filtered, counting scan").hasSize(2);
    ScanReport counting = scans.stream().filter(r -> r.spec().contains("COUNT")).findFirst().orElseThrow();
    assertThat(counting.spec()).as("the bound predicate").contains("filter=[").doesNotContain("scalar filter");
    assertThat(counting.rowsReturned()).as("one count, not the %d outlier rows", outliers).isOne();
    assertThat(outliers).isPositive();
  }

  /**
   * An aggregate that reads only the row side of the TRUE join left by a bound filter is computed
   * in the row scan (no join, no rows out of the scan); one that reads the aggregate's values
   * keeps the join, and so does a nested scalar subquery (an aggregate with a filter of its own
   * to bind is not a source). All return what {@code rules=off} and DuckDB return.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("aggregatesOverTheJoin")
  void anAggregateOfTheRowSideRunsInTheRowScan(String name, String sql, boolean inScan) throws Exception {
    assertSameAsCalciteAndDuckDb(name, sql, null);
    String plan = AggregationQueriesTest.plan(on, sql);
    if (inScan) {
      assertThat(plan).as(name + "\n" + plan).doesNotContain("Join").contains("scalar filter=[");
    } else {
      assertThat(plan).as(name + "\n" + plan).contains("NestedLoopJoin(condition=[");
    }
  }

  static Stream<Arguments> aggregatesOverTheJoin() {
    return Stream.of(
        Arguments.of("count of outliers",
            "select count(*) from results t cross join (select avg(measured) as m, stddev_pop(measured) as s "
                + "from results) g where abs(t.measured - g.m) > 3 * g.s", true),
        Arguments.of("outliers per wafer and lot, several calls",
            "select t.lot, t.wafer, count(*), sum(t.test_time), max(t.measured) from results t, "
                + "(select avg(measured) as m, stddev_samp(measured) as s from results) g "
                + "where abs(g.m - t.measured) >= 2 * g.s group by t.lot, t.wafer", true),
        Arguments.of("aggregate under a project",
            "select count(*), min(measured) from results where measured > "
                + "(select avg(measured) + 2 * stddev_samp(measured) from results)", true),
        Arguments.of("no outliers: the count is 0",
            "select count(*) from results t, (select avg(measured) as m, stddev_pop(measured) as s from results) g "
                + "where abs(t.measured - g.m) > 1000 * g.s", true),
        Arguments.of("empty aggregate input: NULL values, no rows counted",
            "select count(*), sum(t.measured) from results t, (select avg(measured) as m from results "
                + "where site > 10) g where t.measured > g.m", true),
        Arguments.of("nested scalar subqueries: the inner one filters the middle aggregate",
            "select count(*) from results where measured > (select min(measured) from results "
                + "where measured > (select avg(measured) from results))", false),
        Arguments.of("nested scalar subqueries, the middle one a count",
            "select count(*) from results t, (select count(*) c from results where measured > "
                + "(select avg(measured) from results)) g where t.device_id * 20 < g.c", false),
        Arguments.of("the aggregate's value is read: the join stays",
            "select max(g.m), count(*) from results t, (select avg(measured) as m from results) g "
                + "where t.measured > g.m", false));
  }

  private void assertSameAsCalciteAndDuckDb(String name, String sql, String duckSql) throws Exception {
    Results.Table wafer = Results.query(on, sql, false);
    Results.Table calcite = Results.query(off, sql, false);
    Results.assertSame(name + " (rules=off)", wafer.rows(), calcite.rows());
    String d = (duckSql == null ? sql : duckSql).replace("results_pq", "results");
    Results.assertSame(name + " (DuckDB)", wafer.rows(), Results.query(duck, d, false).rows());
  }
}
