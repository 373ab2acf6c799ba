package dev.wafer.sql.functions;

import static dev.wafer.sql.testing.FunctionData.HI_LIMIT;
import static dev.wafer.sql.testing.FunctionData.LO_LIMIT;
import static dev.wafer.sql.testing.FunctionData.PASSED;
import static dev.wafer.sql.testing.FunctionData.TEST_NAME;
import static dev.wafer.sql.testing.FunctionData.TEST_VALUE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.WaferMemory;
import dev.wafer.functions.Aggregator;
import dev.wafer.functions.FunctionRegistry;
import dev.wafer.functions.ObjectArrayArguments;
import dev.wafer.sql.testing.FunctionData;
import dev.wafer.sql.testing.ResultRows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Library functions in GROUP BY queries with several aggregates, against DuckDB's equivalents
 * (median, quantile_cont, stddev_samp, mad) over the same rows, plus the NULL conventions and
 * FILTER, checked against the functions' direct computation.
 */
class FunctionsVersusDuckDbTest {
  @TempDir static Path root;
  static FunctionData data;
  static Connection wafer;
  static DuckDBConnection duck;

  @BeforeAll
  static void setUp() throws Exception {
    data = FunctionData.create(root, 4000, 11L);
    wafer = DriverManager.getConnection("jdbc:wafer:" + root + ";threads=2");
    duck = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    data.loadInto(duck);
  }

  @AfterAll
  static void tearDown() throws SQLException {
    wafer.close();
    duck.close();
  }

  @AfterEach
  void noLeak() {
    assertThat(WaferMemory.root().getAllocatedMemory()).isZero();
  }

  @Test
  void perTestSummaryEqualsDuckDb() throws SQLException {
    String waferSql = "SELECT test_name, COUNT(*) AS n, AVG(test_value) AS mean, MEDIAN(test_value),"
        + " PERCENTILE(test_value, 0.9), QUANTILE(test_value, 0.1), IQR(test_value), MAD_RAW(test_value),"
        + " ROBUST_SIGMA(test_value), CP(test_value, lo_limit, hi_limit), CPK(test_value, lo_limit, hi_limit),"
        + " CPU(test_value, hi_limit), CPL(test_value, lo_limit), YIELD(passed)"
        + " FROM test_results GROUP BY test_name";
    String sd = "stddev_samp(test_value)";
    String duckSql = "SELECT test_name, COUNT(*), AVG(test_value), median(test_value),"
        + " quantile_cont(test_value, 0.9), quantile_cont(test_value, 0.1),"
        + " quantile_cont(test_value, 0.75) - quantile_cont(test_value, 0.25), mad(test_value),"
        + " (quantile_cont(test_value, 0.75) - quantile_cont(test_value, 0.25)) / 1.35,"
        + " (max(hi_limit) - max(lo_limit)) / (6 * " + sd + "),"
        // DuckDB's least() skips NULLs: with one limit it gives that side, as CPK does.
        + " CASE WHEN count(test_value) >= 2 THEN least((max(hi_limit) - avg(test_value)) / (3 * " + sd + "),"
        + " (avg(test_value) - max(lo_limit)) / (3 * " + sd + ")) END,"
        + " CASE WHEN count(test_value) >= 2 THEN (max(hi_limit) - avg(test_value)) / (3 * " + sd + ") END,"
        + " CASE WHEN count(test_value) >= 2 THEN (avg(test_value) - max(lo_limit)) / (3 * " + sd + ") END,"
        + " avg(CASE WHEN passed THEN 1.0 WHEN NOT passed THEN 0.0 END)"
        + " FROM test_results GROUP BY test_name";
    List<List<Object>> expected = rows(duck, duckSql);
    List<List<Object>> actual = rows(wafer, waferSql);
    assertThat(expected).hasSize(FunctionData.TESTS.length);
    assertThat(ResultRows.difference(expected, actual)).as(waferSql).isNull();
  }

  @Test
  void resultColumnsAreTypedBySignature() throws SQLException {
    try (Statement s = wafer.createStatement();
        ResultSet rs = s.executeQuery("SELECT CPK(test_value, lo_limit, hi_limit), YIELD(passed),"
            + " ZSCORE_OUTLIER(MIN(test_value), 100, 5, 3) FROM test_results")) {
      ResultSetMetaData md = rs.getMetaData();
      assertThat(md.getColumnType(1)).isEqualTo(Types.DOUBLE);
      assertThat(md.getColumnType(2)).isEqualTo(Types.DOUBLE);
      assertThat(md.getColumnType(3)).isEqualTo(Types.BOOLEAN);
      assertThat(md.isNullable(1)).isEqualTo(ResultSetMetaData.columnNullable);
    }
  }

  /** NULL limits mean "no limit on that side"; a NULL-only group gives NULL; FILTER drops rows. */
  @Test
  void nullLimitsAllNullGroupsAndFilterFollowTheFunctionsConventions() throws SQLException {
    FunctionRegistry registry = FunctionRegistry.classpath();
    String sql = "SELECT test_name, CPK(test_value, lo_limit, NULL), CPK(test_value, NULL, hi_limit),"
        + " CPK(test_value, NULL, NULL), CPK(test_value, lo_limit, hi_limit) FILTER (WHERE passed),"
        + " MEDIAN(CASE WHEN passed THEN test_value END) FROM test_results GROUP BY test_name";
    List<List<Object>> expected = new ArrayList<>();
    ObjectArrayArguments args = new ObjectArrayArguments();
    for (String test : FunctionData.TESTS) {
      Aggregator lowerOnly = Aggregator.of(registry.aggregate("CPK").orElseThrow());
      Aggregator upperOnly = Aggregator.of(registry.aggregate("CPK").orElseThrow());
      Aggregator none = Aggregator.of(registry.aggregate("CPK").orElseThrow());
      Aggregator passing = Aggregator.of(registry.aggregate("CPK").orElseThrow());
      Aggregator median = Aggregator.of(registry.aggregate("MEDIAN").orElseThrow());
      for (Object[] r : data.rows()) {
        if (!r[TEST_NAME].equals(test)) {
          continue;
        }
        lowerOnly.accumulateRow(args.wrap(r[TEST_VALUE], r[LO_LIMIT], null));
        upperOnly.accumulateRow(args.wrap(r[TEST_VALUE], null, r[HI_LIMIT]));
        none.accumulateRow(args.wrap(r[TEST_VALUE], null, null));
        boolean passed = Boolean.TRUE.equals(r[PASSED]);
        if (passed) {
          passing.accumulateRow(args.wrap(r[TEST_VALUE], r[LO_LIMIT], r[HI_LIMIT]));
        }
        median.accumulateRow(args.wrap(passed ? r[TEST_VALUE] : null));
      }
      List<Object> row = new ArrayList<>();
      row.add(test);
      for (Aggregator a : List.of(lowerOnly, upperOnly, none, passing, median)) {
        row.add(a.result());
      }
      expected.add(row);
    }
    List<List<Object>> actual = rows(wafer, sql);
    assertThat(ResultRows.difference(sorted(expected), actual)).as(sql).isNull();
    // The conventions are visible in the data: no limits at all, and the all-NULL group.
    assertThat(actual).allSatisfy(r -> assertThat(r.get(3)).isNull());
    assertThat(actual).filteredOn(r -> r.get(0).equals("Empty")).singleElement()
        .satisfies(r -> assertThat(r.subList(1, r.size())).containsOnlyNulls());
    assertThat(actual).filteredOn(r -> r.get(0).equals("Vdd")).singleElement()
        .satisfies(r -> assertThat(r.get(1)).isNotNull().isNotEqualTo(r.get(2)));
  }

  /** A Wafer aggregate in OVER (whole partition) equals its GROUP BY value on every row. */
  @Test
  void aggregateAsWindowFunctionEqualsGroupValue() throws SQLException {
    String sql = "SELECT DISTINCT w.test_name, w.v, g.v FROM (SELECT test_name,"
        + " PAT_HI(test_value, lo_limit, hi_limit) OVER (PARTITION BY test_name) AS v FROM test_results) w"
        + " JOIN (SELECT test_name, PAT_HI(test_value, lo_limit, hi_limit) AS v FROM test_results"
        + " GROUP BY test_name) g ON w.test_name = g.test_name";
    List<List<Object>> rows = rows(wafer, sql);
    assertThat(rows).hasSize(FunctionData.TESTS.length);
    assertThat(rows).allSatisfy(r -> assertThat(ResultRows.same(r.get(2), r.get(1))).as(r.toString()).isTrue());
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    rows.sort(java.util.Comparator.comparing(r -> (String) r.get(0)));
    return rows;
  }

  private static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return ResultRows.read(rs);
    }
  }
}
