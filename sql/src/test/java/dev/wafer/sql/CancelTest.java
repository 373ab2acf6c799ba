package dev.wafer.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wafer.adapter.WaferMemory;
import dev.wafer.adapter.exec.ScanExecution;
import dev.wafer.adapter.testing.ArrowTestWriter;
import dev.wafer.adapter.testing.TestColumn;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statement.cancel() and setQueryTimeout stop a scan that is in flight: the workers (blocked on
 * a full queue because the client reads slowly) exit within the second the issue allows, the
 * statement fails with a clear message, and all Arrow memory is released.
 */
class CancelTest {
  @TempDir static Path root;

  @BeforeAll
  static void writeTable() throws Exception {
    List<TestColumn> cols = List.of(TestColumn.of("id", new ArrowType.Int(64, true)),
        TestColumn.of("v", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)));
    for (int f = 0; f < 4; f++) {
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < 50_000; i++) {
        rows.add(new Object[] {(long) f * 50_000 + i, i * 0.25});
      }
      ArrowTestWriter.write(root.resolve("big/part-" + f + ".arrow"), cols, rows, 2048, false);
    }
  }

  @Test
  void cancelStopsWorkersAndReleasesMemory() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery("SELECT id, v FROM big");
      assertThat(rs.next()).isTrue();
      waitUntil(() -> ScanExecution.activeWorkers() > 0, 5000);
      s.cancel();
      assertThatThrownBy(() -> {
        while (rs.next()) {
          rs.getLong(1);
        }
      }).isInstanceOf(SQLException.class).hasMessageContaining("canceled");
      assertThat(waitUntil(() -> ScanExecution.activeWorkers() == 0, 1000)).as("workers stopped").isTrue();
      rs.close();
      assertThat(WaferMemory.root().getAllocatedMemory()).isZero();
      try (ResultSet again = s.executeQuery("SELECT count(*) FROM big")) { // the statement is reusable
        assertThat(again.next()).isTrue();
        assertThat(again.getLong(1)).isEqualTo(200_000);
      }
    }
  }

  @Test
  void timeoutStopsWorkersAndReleasesMemory() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      ResultSet rs = s.executeQuery("SELECT id, v FROM big");
      assertThat(rs.next()).isTrue();
      Thread.sleep(1300);
      assertThatThrownBy(() -> {
        while (rs.next()) {
          rs.getLong(1);
        }
      }).isInstanceOf(SQLException.class).hasMessageContaining("timeout");
      assertThat(waitUntil(() -> ScanExecution.activeWorkers() == 0, 1000)).as("workers stopped").isTrue();
      rs.close();
      assertThat(WaferMemory.root().getAllocatedMemory()).isZero();
    }
  }

  @Test
  void closingAPartlyReadResultStopsTheScan() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT id FROM big")) {
        assertThat(rs.next()).isTrue();
      }
      assertThat(waitUntil(() -> ScanExecution.activeWorkers() == 0, 1000)).isTrue();
      assertThat(WaferMemory.root().getAllocatedMemory()).isZero();
      try (ResultSet rs = s.executeQuery("SELECT count(*), sum(id) FROM big")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(200_000);
        assertThat(rs.getLong(2)).isEqualTo(199_999L * 200_000 / 2);
      }
    }
  }

  /**
   * An aggregating scan runs one worker's share on the query's own thread (all of it with one
   * thread): that share must honour a cancel too, stop the pooled workers and free the memory.
   * The cancel comes before the query starts, so the scan sees it at its first batch.
   */
  @Test
  void cancelStopsAnAggregateRunningOnTheQueryThread() throws Exception {
    for (String threads : new String[] {"1", "2"}) {
      try (Connection c = DriverManager.getConnection("jdbc:wafer:" + root + ";threads=" + threads);
          Statement s = c.createStatement()) {
        s.cancel();
        assertThatThrownBy(() -> {
          try (ResultSet rs = s.executeQuery("SELECT SUM(v), MAX(id) FROM big WHERE v > 1")) {
            rs.next();
          }
        }).as("threads=" + threads).isInstanceOf(SQLException.class).hasMessageContaining("canceled");
        assertThat(waitUntil(() -> ScanExecution.activeWorkers() == 0, 1000)).as("workers stopped").isTrue();
        assertThat(WaferMemory.root().getAllocatedMemory()).isZero();
        try (ResultSet rs = s.executeQuery("SELECT SUM(v), MAX(id) FROM big WHERE v > 1")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getDouble(1)).isEqualTo(4 * 0.25 * (49_999L * 50_000 / 2 - (1 + 2 + 3 + 4))); // i >= 5 of each file
          assertThat(rs.getLong(2)).isEqualTo(199_999);
        }
      }
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:wafer:" + root + ";threads=2");
  }

  private static boolean waitUntil(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
    long end = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(5);
    }
    return condition.getAsBoolean();
  }
}
