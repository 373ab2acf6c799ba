package dev.wafer.sql.server;

import dev.wafer.sql.testing.ResultRows;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/** Starts in-process servers on an ephemeral loopback port and runs SQL through the thin driver. */
final class ServerFixture {
  private ServerFixture() {}

  /** Loopback, port 0, short queue wait: the shape every test starts from. */
  static ServerConfig config(java.nio.file.Path data) {
    return ServerConfig.defaults(data).withThreads(2).withAddress("127.0.0.1", 0)
        .withLimits(ServerConfig.Limits.defaults().withQueryTimeout(Duration.ofSeconds(60))
            .withShutdownGrace(Duration.ofSeconds(2)));
  }

  static Connection connect(WaferServer server) throws SQLException {
    return DriverManager.getConnection(server.url());
  }

  static Connection connect(WaferServer server, String user, String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("authentication", "BASIC");
    p.setProperty("avatica_user", user);
    p.setProperty("avatica_password", password);
    return DriverManager.getConnection(server.url(), p);
  }

  /** The sorted canonical rows of a query on a connection. */
  static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return ResultRows.read(rs);
    }
  }
}
