package dev.wafer.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wafer.sql.testing.DifferentialData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prepared plans kept per connection: reused for the same SQL, executed anew each time, never
 * shared across connections or default schemas, and dropped when the connection closes.
 */
class PlanCacheTest {
  @TempDir static Path dir;
  static DifferentialData data;

  @BeforeAll
  static void setUp() throws Exception {
    data = DifferentialData.create(dir, 3L);
  }

  @AfterAll
  static void tearDown() throws Exception {
    data.close();
  }

  @Test
  void aCachedPlanStillReadsCurrentStateAtEachExecution() throws Exception {
    try (Connection c = open()) {
      single(c, "SELECT COUNT(*) FROM test_results WHERE test_value > 1");
      assertThat(lastScanSpec(c)).contains("test_value > 1");
      single(c, "SELECT COUNT(*) FROM test_results WHERE test_value < 2");
      assertThat(lastScanSpec(c)).as("the second run of a cached plan sees the scan that ran in between")
          .contains("test_value < 2");
      assertThat(PlanCache.size(c)).isEqualTo(3);
    }
  }

  /** The specification of the newest scan in sys.scans (rows come oldest first). */
  private static String lastScanSpec(Connection c) throws SQLException {
    String last = null;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT spec FROM sys.scans")) {
      while (rs.next()) {
        last = rs.getString(1);
      }
    }
    return last;
  }

  @Test
  void parametersAreBoundPerExecution() throws Exception {
    try (Connection c = open()) {
      String sql = "SELECT COUNT(*) FROM test_results WHERE site = ?";
      long total = 0;
      for (int site = 0; site < 8; site++) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setInt(1, site);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            total += rs.getLong(1);
          }
        }
      }
      assertThat(total).isEqualTo(single(c, "SELECT COUNT(*) FROM test_results WHERE site BETWEEN 0 AND 7"));
      assertThat(single(c, "SELECT COUNT(*) FROM test_results WHERE site = 1"))
          .isLessThan(single(c, "SELECT COUNT(*) FROM test_results"));
    }
  }

  @Test
  void theDefaultSchemaIsPartOfTheKey() throws Exception {
    try (Connection c = open()) {
      c.setSchema("sys");
      String sql = "SELECT COUNT(*) FROM partitions";
      assertThat(single(c, sql)).isPositive();
      c.setSchema(WaferDriver.SCHEMA);
      assertThatThrownBy(() -> single(c, sql)).isInstanceOf(SQLException.class)
          .hasMessageContaining("not found").as("no plan from schema sys is reused");
    }
  }

  @Test
  void connectionsDoNotShareAndClosingForgets() throws Exception {
    Connection a = open();
    try (Connection b = open()) {
      single(a, "SELECT COUNT(*) FROM test_results");
      assertThat(PlanCache.size(a)).isEqualTo(1);
      assertThat(PlanCache.size(b)).isZero();
    }
    a.close();
    assertThat(PlanCache.size(a)).as("a closed connection's plans are dropped").isZero();
  }

  private static Connection open() throws SQLException {
    return DriverManager.getConnection("jdbc:wafer:" + data.arrowRoot() + ";threads=2");
  }

  private static long single(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
