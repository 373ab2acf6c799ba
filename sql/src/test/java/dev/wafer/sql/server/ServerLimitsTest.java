package dev.wafer.sql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wafer.adapter.WaferMemory;
import dev.wafer.sql.testing.DifferentialData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Query timeout, client cancel, admission limits and graceful shutdown, through the thin driver. */
class ServerLimitsTest {
  /** Tens of millions of pairs, none matching: runs far longer than any limit here unless stopped. */
  static final String ENDLESS = "SELECT count(*) FROM test_results a, test_results b"
      + " WHERE a.test_value * b.test_value < -1";

  @TempDir static Path dir;
  static DifferentialData data;

  @BeforeAll
  static void setUp() throws Exception {
    data = DifferentialData.create(dir, 11L);
  }

  @AfterAll
  static void tearDown() throws Exception {
    data.close();
    assertThat(WaferMemory.root().getAllocatedMemory()).isZero();
  }

  static ServerConfig config(String log) {
    return ServerFixture.config(data.arrowRoot()).withQueryLog(dir.resolve(log));
  }

  @Test
  void aStatementPastTheQueryTimeoutIsStoppedWithAClearError() throws Exception {
    ServerConfig c = config("timeout.log");
    try (WaferServer server = WaferServer.start(c.withLimits(c.limits().withQueryTimeout(Duration.ofSeconds(1))));
        Connection conn = ServerFixture.connect(server); Statement s = conn.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery(ENDLESS)).isInstanceOf(SQLException.class)
          .hasMessageContaining("query timeout")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(WaferMeta.CANCELED_SQLSTATE));
      assertThat(server.runningQueries()).isZero();
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM test_results")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(DifferentialData.ROWS_PER_FILE * 8L);
      }
    }
    assertThat(Files.readString(dir.resolve("timeout.log"))).contains("\"outcome\":\"timeout\"")
        .contains("\"outcome\":\"ok\"");
  }

  @Test
  void aGroupByPastTheQueryMemoryLimitFailsNamingTheLimitAndTheServerKeepsServing() throws Exception {
    ServerConfig c = config("memory.log");
    try (WaferServer server = WaferServer.start(c.withLimits(c.limits().withMaxQueryMemory(64L * 1024)));
        Connection conn = ServerFixture.connect(server); Statement s = conn.createStatement()) {
      // every id is its own group: far more state than 64 KB
      assertThatThrownBy(() -> s.executeQuery("SELECT id, count(*) FROM test_results GROUP BY id"))
          .isInstanceOf(SQLException.class).hasMessageContaining("query memory limit exceeded")
          .hasMessageContaining("maxQueryMemory=65536");
      assertThat(server.runningQueries()).isZero();
      try (ResultSet rs = s.executeQuery("SELECT wafer_id, count(*) FROM test_results GROUP BY wafer_id")) {
        long total = 0;
        while (rs.next()) {
          total += rs.getLong(2);
        }
        assertThat(total).as("a small GROUP BY still runs").isEqualTo(DifferentialData.ROWS_PER_FILE * 8L);
      }
    }
  }

  @Test
  void closingTheConnectionFromAnotherThreadStopsItsRunningStatementOnTheServer() throws Exception {
    try (WaferServer server = WaferServer.start(config("cancel.log"))) {
      Connection conn = ServerFixture.connect(server);
      Statement s = conn.createStatement();
      CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
        try (ResultSet rs = s.executeQuery(ENDLESS)) {
          return null;
        } catch (Throwable t) {
          return t;
        }
      });
      awaitRunning(server, 1);
      // Avatica's protocol has no cancel message, and the thin driver's Statement.cancel/close wait
      // for the running call; closing the connection is what reaches the server
      conn.close();
      assertThat(run.get(30, TimeUnit.SECONDS)).isNotNull();
      awaitRunning(server, 0);
    }
    assertThat(Files.readString(dir.resolve("cancel.log"))).contains("\"outcome\":\"cancelled\"");
  }

  @Test
  void whenAllSlotsAreTakenAndTheQueueIsFullAStatementIsRefusedAtOnce() throws Exception {
    ServerConfig c = config("busy.log");
    c = c.withLimits(c.limits().withAdmission(1, 0, Duration.ofMillis(100)));
    try (WaferServer server = WaferServer.start(c);
        Connection first = ServerFixture.connect(server); Connection second = ServerFixture.connect(server)) {
      Statement s = first.createStatement();
      CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
        try (ResultSet rs = s.executeQuery(ENDLESS)) {
          return null;
        } catch (Throwable t) {
          return t;
        }
      });
      awaitRunning(server, 1);
      try (Statement s2 = second.createStatement()) {
        assertThatThrownBy(() -> s2.executeQuery("SELECT 1")).isInstanceOf(SQLException.class)
            .hasMessageContaining("server busy")
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(QueryGate.SQLSTATE));
      }
      first.close();
      run.get(30, TimeUnit.SECONDS);
      awaitRunning(server, 0);
      try (Statement s2 = second.createStatement(); ResultSet rs = s2.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
      }
    }
    assertThat(Files.readString(dir.resolve("busy.log"))).contains("\"outcome\":\"rejected\"");
  }

  @Test
  void shutdownStopsRunningStatementsAfterTheGracePeriodAndReleasesEverything() throws Exception {
    WaferServer server = WaferServer.start(config("shutdown.log"));
    Connection conn = ServerFixture.connect(server);
    Statement s = conn.createStatement();
    CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
      try (ResultSet rs = s.executeQuery(ENDLESS)) {
        return null;
      } catch (Throwable t) {
        return t;
      }
    });
    awaitRunning(server, 1);
    server.close(); // grace of 2 s from ServerFixture, then the statement is stopped
    assertThat(run.get(30, TimeUnit.SECONDS)).isNotNull();
    assertThat(server.runningQueries()).isZero();
    assertThat(WaferMemory.root().getAllocatedMemory()).isZero();
    assertThat(Files.readString(dir.resolve("shutdown.log"))).contains("\"outcome\":\"cancelled\"");
  }

  static void awaitRunning(WaferServer server, int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (server.runningQueries() != n) {
      assertThat(System.nanoTime()).as("waiting for %d running statements", n).isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
