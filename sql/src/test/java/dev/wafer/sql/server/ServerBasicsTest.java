package dev.wafer.sql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wafer.adapter.WaferMemory;
import dev.wafer.sql.testing.DifferentialData;
import dev.wafer.sql.testing.ResultRows;
import java.nio.file.Path;
import org.apache.calcite.avatica.AvaticaSqlException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queries, metadata and read-only refusal through the thin driver against an in-process server. */
class ServerBasicsTest {
  @TempDir static Path dir;
  static DifferentialData data;
  static WaferServer server;

  @BeforeAll
  static void start() throws Exception {
    data = DifferentialData.create(dir, 7L);
    server = WaferServer.start(ServerFixture.config(data.arrowRoot()).withQueryLog(dir.resolve("query.log")));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    data.close();
    assertThat(WaferMemory.root().getAllocatedMemory()).isZero();
  }

  @Test
  void queriesThroughTheThinDriverEqualTheEmbeddedDriver() throws Exception {
    String[] queries = {
      "SELECT wafer_id, count(*), avg(test_value), min(ts), max(lot_date) FROM test_results GROUP BY wafer_id",
      "SELECT * FROM test_results WHERE id < 300",
      "SELECT r.test_name, s.unit, count(*) FROM test_results r JOIN specs s ON r.test_name = s.test_name GROUP BY r.test_name, s.unit",
    };
    try (Connection remote = ServerFixture.connect(server);
        Connection local = DriverManager.getConnection("jdbc:wafer:" + data.arrowRoot() + ";threads=2")) {
      for (String q : queries) {
        List<List<Object>> expected = ServerFixture.rows(local, q);
        assertThat(expected).isNotEmpty();
        assertThat(ResultRows.difference(expected, ServerFixture.rows(remote, q))).as(q).isNull();
      }
    }
  }

  @Test
  void metadataListsCatalogSchemasTablesColumnsAndTypes() throws Exception {
    try (Connection c = ServerFixture.connect(server)) {
      DatabaseMetaData md = c.getMetaData();
      assertThat(strings(md.getSchemas(), "TABLE_SCHEM")).contains("wafer", "sys");
      assertThat(strings(md.getTables(null, "wafer", "%", null), "TABLE_NAME")).contains("test_results", "specs");
      List<String> columns = strings(md.getColumns(null, "wafer", "test_results", null), "COLUMN_NAME");
      assertThat(columns).contains("id", "wafer_id", "test_value", "ts", "test_date");
      assertThat(strings(md.getTypeInfo(), "TYPE_NAME")).contains("INTEGER", "VARCHAR", "DOUBLE", "TIMESTAMP", "DATE");
      assertThat(strings(md.getCatalogs(), "TABLE_CAT")).isNotEmpty();
      assertThat(c.isValid(5)).isTrue();
    }
  }

  @Test
  void preparedMetadataOfAnEmptyQueryGivesTheColumns() throws Exception {
    try (Connection c = ServerFixture.connect(server);
        PreparedStatement ps = c.prepareStatement("SELECT * FROM test_results WHERE 1=0")) {
      ResultSetMetaData md = ps.getMetaData();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        names.add(md.getColumnName(i));
      }
      assertThat(names).contains("id", "wafer_id", "test_date");
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @Test
  void writesAndTemporaryTableProbesAreRefusedAndTheConnectionStaysUsable() throws Exception {
    String[] refused = {
      "CREATE LOCAL TEMPORARY TABLE \"XTableau_B_Connect\" ( \"COL\" INTEGER ) ON COMMIT PRESERVE ROWS",
      "DROP TABLE \"XTableau_B_Connect\"",
      "INSERT INTO \"XTableau_C_Connect\" SELECT * FROM (SELECT 1 AS COL) AS CHECKTEMP LIMIT 1",
      "SELECT * INTO \"#Tableau_1_Connect_CheckSelectIntoCap\" FROM (SELECT 1 AS COL) AS CHECKTEMP",
      "DELETE FROM test_results",
    };
    try (Connection c = ServerFixture.connect(server); Statement s = c.createStatement()) {
      for (String sql : refused) {
        assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
            .hasMessageContaining("read-only")
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(ReadOnlyGuard.SQLSTATE));
      }
      // the thin driver reports a failed prepare as "while preparing SQL"; the server's reason
      // travels in the SQLSTATE and the server exception text
      assertThatThrownBy(() -> c.prepareStatement("UPDATE test_results SET bin = 1"))
          .isInstanceOfSatisfying(AvaticaSqlException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo(ReadOnlyGuard.SQLSTATE);
            assertThat(String.join("\n", e.getStackTraces())).contains("read-only");
          });
      try (ResultSet rs = s.executeQuery("SELECT \"COL\" FROM (SELECT 1 AS \"COL\") AS \"SUBQUERY\"")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
    }
  }

  @Test
  void everyCapabilityCallAnswersWithoutThrowing() throws Exception {
    List<String> failures = new ArrayList<>();
    int called = 0;
    try (Connection c = ServerFixture.connect(server)) {
      DatabaseMetaData md = c.getMetaData();
      for (java.lang.reflect.Method m : DatabaseMetaData.class.getMethods()) {
        Class<?> r = m.getReturnType();
        if (m.getParameterCount() != 0 || !(r == boolean.class || r == int.class || r == String.class)) {
          continue;
        }
        called++;
        try {
          m.invoke(md);
        } catch (java.lang.reflect.InvocationTargetException e) {
          failures.add(m.getName() + ": " + e.getCause());
        }
      }
      assertThat(md.supportsANSI92EntryLevelSQL()).isTrue();
      assertThat(md.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY)).isTrue();
      assertThat(md.getIdentifierQuoteString()).isEqualTo("\"");
      assertThat(md.getDatabaseProductName()).isNotBlank();
    }
    assertThat(called).isGreaterThan(100);
    assertThat(failures).isEmpty();
  }

  static List<String> strings(ResultSet rs, String column) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        out.add(rs.getString(column));
      }
    }
    return out;
  }
}
