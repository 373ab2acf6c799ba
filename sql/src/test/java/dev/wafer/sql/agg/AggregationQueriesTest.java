package dev.wafer.sql.agg;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every aggregation query returns the same rows with Wafer's rules (aggregate pushed into the
 * scan, 2 threads), with {@code rules=off} (Calcite's own plan; same JDBC types too) and in
 * DuckDB over the same rows; and the plan shows where the aggregate was pushed.
 */
class AggregationQueriesTest extends AggTestBase {
  AggregationQueriesTest() {
    super("wafer-agg", 42);
  }

  /** name, Wafer SQL, DuckDB SQL (null: same; "-": not comparable), ordered, pushed into the scan. */
  static Stream<Arguments> queries() {
    return Stream.of(
        q("count by wafer", "select lot, wafer, count(*) from results group by lot, wafer", null, false, true),
        q("mean test time by test", "select test_name, avg(test_time) from results group by test_name", null, false, true),
        q("global 3-sigma outliers", "select count(*) from results r, (select avg(measured) m, stddev_pop(measured) s "
            + "from results) g where abs(r.measured - g.m) > 3 * g.s", null, false, true),
        q("yield per wafer (FILTER)", "select wafer, count(*) filter (where hard_bin = 1), count(*) from results "
            + "group by wafer", null, false, true),
        q("yield per wafer (CASE)", "select wafer, sum(case when hard_bin = 1 then 1 else 0 end), count(*) "
            + "from results group by wafer", null, false, true),
        q("fails per wafer (CASE THEN 0 ELSE 1: a NULL flag counts as a failure)",
            "select wafer, sum(case when passed then 0 else 1 end), count(*) from results group by wafer",
            null, false, true),
        q("die yield per wafer over a pushed two-key aggregate",
            "select wafer, avg(case when fails = 0 then 1.0 else 0.0 end) from (select wafer, device_id, "
                + "sum(case when passed then 0 else 1 end) as fails from results group by wafer, device_id) d "
                + "group by wafer", null, false, true),
        q("count star", "select count(*) from results", null, false, true),
        q("count column with nulls", "select count(measured), count(wafer), count(label), count(passed) from results",
            null, false, true),
        q("sums of double and bigint", "select sum(measured), sum(big), sum(test_time) from results", null, false, true),
        q("sum int", "select lot, sum(device_id) from results group by lot", null, false, true),
        q("sum small types", "select device_id, sum(site), sum(hard_bin) from results group by device_id", null, false, true),
        q("min max numeric", "select min(measured), max(measured), min(device_id), max(big), min(hard_bin), max(site), "
            + "min(r4), max(r4) from results", null, false, true),
        q("min max time", "select min(ts), max(ts), min(test_day), max(test_day), min(test_date), max(test_date) from results",
            null, false, true),
        q("min max boolean", "select lot, min(passed), max(passed) from results group by lot", null, false, true),
        q("partition key", "select test_date, count(*), min(measured), max(ts) from results group by test_date",
            null, false, true),
        q("partition key count from statistics", "select test_date, count(*), count(big) from results "
            + "group by test_date", null, false, true),
        q("floor day", "select floor(ts to day), count(*), avg(measured) from results group by floor(ts to day)",
            "select date_trunc('day', ts), count(*), avg(measured) from results group by 1", false, true),
        q("floor hour", "select floor(ts to hour), sum(test_time) from results group by floor(ts to hour)",
            "select date_trunc('hour', ts), sum(test_time) from results group by 1", false, true),
        q("floor month", "select floor(ts to month), count(*) from results group by floor(ts to month)",
            "select date_trunc('month', ts), count(*) from results group by 1", false, true),
        q("cast to date", "select cast(ts as date), count(*), max(measured) from results group by cast(ts as date)",
            null, false, true),
        q("extract hour", "select extract(hour from ts), count(*) from results group by extract(hour from ts)",
            null, false, true),
        q("extract from date", "select extract(year from test_day), extract(month from test_day), count(*) from results "
            + "group by extract(year from test_day), extract(month from test_day)", null, false, true),
        q("extract quarter day minute", "select extract(quarter from ts) q, extract(day from ts) d, "
            + "extract(minute from ts) m, count(*) from results group by extract(quarter from ts), "
            + "extract(day from ts), extract(minute from ts)", null, false, true),
        q("group by device", "select device_id, sum(measured), count(*) from results group by device_id", null, false, true),
        q("boolean key with nulls", "select passed, count(*), avg(test_time) from results group by passed",
            null, false, true),
        q("real key", "select r4, count(*) from results group by r4", null, false, true),
        q("bigint key", "select big, count(*) from results group by big", null, false, true),
        q("plain string key with nulls", "select label, count(*), min(ts) from results group by label", null, false, true),
        q("three keys", "select lot, test_name, site, count(*), sum(measured) from results group by lot, test_name, site",
            null, false, true),
        q("date key", "select test_day, count(*) from results group by test_day", null, false, true),
        q("partition and dictionary keys", "select test_date, lot, count(*), avg(test_time) from results "
            + "group by test_date, lot", null, false, true),
        q("moments by nullable wafer", "select wafer, avg(measured), stddev_samp(measured), stddev_pop(measured), "
            + "var_pop(measured), var_samp(measured) from results group by wafer", null, false, true),
        q("moments global", "select stddev_samp(test_time), var_pop(test_time), avg(test_time) from results",
            null, false, true),
        q("having", "select test_name, count(*) c from results group by test_name having count(*) > 2350",
            null, false, true),
        q("order by limit", "select device_id, sum(test_time) s from results group by device_id "
            + "order by s desc, device_id limit 5", null, true, true),
        q("having and order", "select lot, avg(measured) a from results group by lot having avg(measured) > 1 order by lot",
            null, true, true),
        q("count distinct", "select lot, count(distinct device_id) from results group by lot", null, false, true),
        q("empty filtered groups", "select wafer, count(*) filter (where hard_bin = 99), "
            + "sum(measured) filter (where hard_bin = 99), min(ts) filter (where hard_bin = 99) from results group by wafer",
            null, false, true),
        q("global over no rows (filter clause)", "select count(*) filter (where site = 99), "
            + "sum(measured) filter (where site = 99), avg(measured) filter (where site = 99) from results", null, false, true),
        q("global over no rows (where)", "select count(*), sum(measured), min(ts) from results where wafer = 999",
            null, false, true),
        q("filter null or not string", "select test_name, count(*) filter (where label is null), "
            + "count(*) filter (where lot = 'L1' or not passed), count(*) filter (where lot <> 'L9') from results "
            + "group by test_name", null, false, true),
        q("filter time and date", "select lot, sum(test_time) filter (where test_name <> 'cont' and "
            + "ts >= timestamp '2024-01-31 00:00:00'), count(*) filter (where test_day < date '2024-01-15') "
            + "from results group by lot", null, false, true),
        q("filter in list", "select lot, count(*) filter (where site in (1, 3)), "
            + "max(measured) filter (where hard_bin between 2 and 4) from results group by lot", null, false, true),
        q("statistics only", "select min(device_id), max(ts), count(*), count(big), min(test_day) from results",
            null, false, true),
        q("parquet count by lot", "select lot, count(*) from results_pq group by lot", null, false, true),
        q("parquet mean by test", "select test_name, avg(test_time), stddev_pop(measured) from results_pq "
            + "group by test_name", null, false, true),
        q("parquet min max", "select min(ts), max(test_day), min(big), max(measured), count(*) from results_pq",
            null, false, true),
        q("parquet plain string keys and time bucket", "select lot, floor(ts to day), count(*) from results_pq "
            + "group by lot, floor(ts to day)", "select lot, date_trunc('day', ts), count(*) from results group by 1, 2",
            false, true),
        q("avg of integer truncates like Calcite", "select lot, avg(device_id) from results group by lot", "-", false, true),
        q("conditional sum global", "select sum(case when passed then 1 else 0 end), count(*) from results",
            null, false, true));
  }

  private static Arguments q(String name, String sql, String duckSql, boolean ordered, boolean pushed) {
    return Arguments.of(name, sql, duckSql, ordered, pushed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void sameAsCalciteAndDuckDb(String name, String sql, String duckSql, boolean ordered, boolean pushed)
      throws Exception {
    Results.Table wafer = Results.query(on, sql, ordered);
    Results.Table calcite = Results.query(off, sql, ordered);
    Results.assertSame(name + " (rules=off)", wafer.rows(), calcite.rows());
    assertThat(wafer.types()).as(name + ": JDBC types as with rules=off").isEqualTo(calcite.types());
    if (!"-".equals(duckSql)) {
      String d = (duckSql == null ? sql : duckSql).replace("results_pq", "results");
      Results.assertSame(name + " (DuckDB)", wafer.rows(), Results.query(duck, d, ordered).rows());
    }
    assertThat(plan(on, sql).contains("aggregate=[")).as(name + ": pushed\n" + plan(on, sql)).isEqualTo(pushed);
    assertThat(plan(off, sql)).as(name + ": rules=off pushes nothing").doesNotContain("aggregate=[");
  }

  @Test
  void explainShowsPushedAggregate() throws Exception {
    String p = plan(on, "select lot, floor(ts to day), count(*) filter (where hard_bin = 1), avg(test_time) "
        + "from results group by lot, floor(ts to day)");
    assertThat(p).contains("WaferTableScan")
        .contains("columns=[lot, test_time, hard_bin, ts]")
        .contains("aggregate=[group=[lot, FLOOR_DAY(ts)], calls=[COUNT_STAR(*) FILTER hard_bin EQ 1, AVG(test_time)]]")
        .doesNotContain("EnumerableAggregate");
  }

  static String plan(Connection c, String sql) throws Exception {
    try (ResultSet rs = c.createStatement().executeQuery("explain plan for " + sql)) {
      StringBuilder sb = new StringBuilder();
      while (rs.next()) {
        sb.append(rs.getString(1)).append('\n');
      }
      return sb.toString();
    }
  }
}
