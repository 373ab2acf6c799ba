package dev.wafer.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.WaferMemory;
import dev.wafer.adapter.exec.RecentScans;
import dev.wafer.adapter.exec.ScanReport;
import dev.wafer.sql.testing.DifferentialData;
import dev.wafer.sql.testing.ResultRows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Joins of the large results table with the small {@code specs} table: the large scan drops the
 * rows no spec row can join with (a semi-join reduction bound at execution), the join still pairs
 * them. Every query returns what {@code rules=off} and DuckDB return; the plan shows the reduction
 * where the condition binds.
 */
class SemiJoinReductionTest {
  @TempDir static Path dir;
  static DifferentialData data;
  static Connection on;
  static Connection off;

  @BeforeAll
  static void setUp() throws Exception {
    data = DifferentialData.create(dir, 20241124L);
    on = DriverManager.getConnection("jdbc:wafer:" + data.arrowRoot() + ";threads=2");
    off = DriverManager.getConnection("jdbc:wafer:" + data.arrowRoot() + ";rules=off;threads=2");
  }

  @AfterAll
  static void tearDown() throws Exception {
    on.close();
    off.close();
    data.close();
    assertThat(WaferMemory.root().getAllocatedMemory()).isZero();
  }

  static Stream<Arguments> reduced() {
    return Stream.of(
        Arguments.of("out of spec per test (NULL unit row included)",
            "SELECT s.test_name, count(*) FROM test_results r JOIN specs s ON r.test_name = s.test_name "
                + "WHERE r.test_value > s.hi OR r.test_value < s.lo GROUP BY s.test_name"),
        Arguments.of("within limits, dimension columns in the output",
            "SELECT r.id, s.unit, s.lo FROM test_results r JOIN specs s ON r.test_name = s.test_name "
                + "AND r.test_value BETWEEN s.lo AND s.hi WHERE r.site = 1"),
        Arguments.of("filtered dimension",
            "SELECT r.test_name, count(*), avg(r.test_value) FROM test_results r JOIN specs s "
                + "ON r.test_name = s.test_name AND r.test_value > s.hi WHERE s.unit IN ('V', 'mA') "
                + "GROUP BY r.test_name"),
        Arguments.of("dimension on the right", "SELECT count(*) FROM specs s JOIN test_results r "
            + "ON s.test_name = r.test_name AND s.hi - 3 < r.test_value"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reduced")
  void reducedScanJoinsAsBefore(String name, String sql) throws Exception {
    List<List<Object>> wafer = rows(on, sql);
    assertThat(ResultRows.difference(rows(off, sql), wafer)).as(name + " (rules=off)").isNull();
    assertThat(ResultRows.difference(rows(data.duckdb(), sql), wafer)).as(name + " (DuckDB)").isNull();
    assertThat(wafer).as("a useful comparison returns rows").isNotEmpty();
    assertThat(plan(sql)).as(name).contains("for some row g of");
  }

  @Test
  void theLargeScanReturnsOnlyRowsThatCanJoin() throws Exception {
    String sql = "SELECT count(*) FROM test_results r JOIN specs s ON r.test_name = s.test_name "
        + "AND r.test_value > s.hi";
    Set<ScanReport> before = Collections.newSetFromMap(new IdentityHashMap<>());
    before.addAll(RecentScans.list());
    long joined = ((Number) rows(on, sql).get(0).get(0)).longValue();
    ScanReport results = RecentScans.list().stream()
        .filter(r -> !before.contains(r) && r.table().contains("test_results")).findFirst().orElseThrow();
    assertThat(results.rowsReturned()).as("rows returned by the reduced scan")
        .isEqualTo(joined).isLessThan(results.rowsScanned());
  }

  @Test
  void outerJoinsAreNotReduced() throws Exception {
    String sql = "SELECT s.test_name, count(r.id) FROM specs s LEFT JOIN test_results r "
        + "ON r.test_name = s.test_name AND r.test_value > s.hi GROUP BY s.test_name";
    assertThat(ResultRows.difference(rows(data.duckdb(), sql), rows(on, sql))).isNull();
    assertThat(plan(sql)).doesNotContain("for some row g of");
  }

  private static String plan(String sql) throws Exception {
    StringBuilder sb = new StringBuilder();
    try (Statement s = on.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      while (rs.next()) {
        sb.append(rs.getString(1)).append('\n');
      }
    }
    return sb.toString();
  }

  private static List<List<Object>> rows(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return ResultRows.read(rs);
    }
  }
}
