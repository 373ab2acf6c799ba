package dev.wafer.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wafer.adapter.WaferMemory;
import dev.wafer.sql.testing.DifferentialData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC driver: URL handling, metadata, model.json, sys.partitions, errors. */
class DriverTest {
  @TempDir static Path dir;
  static DifferentialData data;

  @BeforeAll
  static void setUp() throws Exception {
    data = DifferentialData.create(dir, 7L);
  }

  @AfterAll
  static void tearDown() throws Exception {
    data.close();
  }

  private static Connection connect(String props) throws SQLException {
    return DriverManager.getConnection("jdbc:wafer:" + data.arrowRoot() + props);
  }

  @Test
  void metadataListsSchemasTablesAndColumnsWithJdbcTypes() throws Exception {
    try (Connection c = connect("")) {
      DatabaseMetaData md = c.getMetaData();
      assertThat(md.getURL()).isEqualTo("jdbc:wafer:" + data.arrowRoot());
      assertThat(md.getDriverName()).isEqualTo("Wafer JDBC Driver");
      assertThat(strings(md.getSchemas(), "TABLE_SCHEM")).contains("wafer", "sys");
      assertThat(strings(md.getTables(null, "wafer", "%", null), "TABLE_NAME"))
          .containsExactlyInAnyOrder("specs", "test_results");
      assertThat(strings(md.getTables(null, "sys", "%", null), "TABLE_NAME")).contains("partitions");
      Map<String, Integer> types = new LinkedHashMap<>();
      try (ResultSet rs = md.getColumns(null, "wafer", "test_results", null)) {
        while (rs.next()) {
          types.put(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"));
        }
      }
      // the mapping of the issue: Arrow type -> SQL type, reported as java.sql.Types
      Map<String, Integer> expected = new LinkedHashMap<>();
      expected.put("id", Types.BIGINT);
      expected.put("wafer_id", Types.VARCHAR);
      expected.put("lot_no", Types.INTEGER);
      expected.put("site", Types.TINYINT);
      expected.put("bin", Types.SMALLINT);
      expected.put("test_name", Types.VARCHAR);
      expected.put("test_value", Types.DOUBLE);
      expected.put("gain", Types.REAL);
      expected.put("passed", Types.BOOLEAN);
      expected.put("ts", Types.TIMESTAMP);
      expected.put("ts_us", Types.TIMESTAMP);
      expected.put("lot_date", Types.DATE);
      expected.put("note", Types.VARCHAR);
      expected.put("price", Types.DECIMAL);
      expected.put("test_date", Types.DATE);
      assertThat(types).containsExactlyEntriesOf(expected);
      try (ResultSet rs = md.getColumns(null, "wafer", "test_results", "ts%")) {
        List<String> typeNames = new ArrayList<>();
        while (rs.next()) {
          typeNames.add(rs.getString("TYPE_NAME"));
        }
        assertThat(typeNames).containsExactly("TIMESTAMP(3)", "TIMESTAMP(6)");
      }
    }
  }

  @Test
  void resultColumnTypesMatchMetadata() throws Exception {
    try (Connection c = connect(""); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT price, ts_us FROM test_results WHERE id = 1")) {
      assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.DECIMAL);
      assertThat(rs.getMetaData().getPrecision(1)).isEqualTo(10);
      assertThat(rs.getMetaData().getScale(1)).isEqualTo(3);
      assertThat(rs.getMetaData().getColumnType(2)).isEqualTo(Types.TIMESTAMP);
    }
  }

  @Test
  void modelJsonWithWaferSchemaFactoryWorksWithCalciteDriver() throws Exception {
    Path model = dir.resolve("model.json");
    Files.writeString(model, "{\"version\": \"1.0\", \"defaultSchema\": \"lab\", \"schemas\": [{\"name\": \"lab\","
        + " \"type\": \"custom\", \"factory\": \"dev.wafer.adapter.WaferSchemaFactory\","
        + " \"operand\": {\"directory\": \"" + data.arrowRoot() + "\", \"threads\": 1}}]}");
    long viaModel;
    try (Connection c = DriverManager.getConnection("jdbc:calcite:model=" + model);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM \"test_results\" WHERE \"test_name\" = 'Vdd'")) {
      rs.next();
      viaModel = rs.getLong(1);
    }
    try (Connection c = connect(""); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM test_results WHERE test_name = 'Vdd'")) {
      rs.next();
      assertThat(viaModel).isEqualTo(rs.getLong(1)).isPositive();
    }
  }

  @Test
  void sysPartitionsAgreesWithTheTables() throws Exception {
    try (Connection c = connect(""); Statement s = c.createStatement()) {
      Map<String, Long> byPartition = new LinkedHashMap<>();
      try (ResultSet rs = s.executeQuery("SELECT partition_values, sum(row_count), sum(batch_count), count(*)"
          + " FROM sys.partitions WHERE table_name = 'test_results' GROUP BY partition_values")) {
        while (rs.next()) {
          byPartition.put(rs.getString(1), rs.getLong(2));
          assertThat(rs.getLong(3)).isGreaterThanOrEqualTo(rs.getLong(4));
        }
      }
      Map<String, Long> counted = new LinkedHashMap<>();
      try (ResultSet rs = s.executeQuery("SELECT test_date, count(*) FROM test_results GROUP BY test_date")) {
        while (rs.next()) {
          counted.put("test_date=" + rs.getString(1), rs.getLong(2));
        }
      }
      assertThat(byPartition).isEqualTo(counted);
      try (ResultSet rs = s.executeQuery("SELECT file_path, byte_count, file_format FROM sys.partitions")) {
        int files = 0;
        while (rs.next()) {
          assertThat(rs.getLong(2)).isEqualTo(Files.size(Path.of(rs.getString(1))));
          assertThat(rs.getString(3)).isEqualTo("arrow");
          files++;
        }
        try (Stream<Path> all = Files.walk(data.arrowRoot())) {
          assertThat(files).isEqualTo(all.filter(p -> p.toString().endsWith(".arrow")).count());
        }
      }
    }
  }

  @Test
  void urlPropertiesAreAccepted() throws Exception {
    for (String props : new String[] {";threads=1", ";threads=2;rules=off", ";rules=on"}) {
      try (Connection c = connect(props); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM test_results")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo((long) DifferentialData.ROWS_PER_FILE * 8);
      }
    }
    assertThatThrownBy(() -> connect(";rules=maybe")).isInstanceOf(SQLException.class)
        .hasMessageContaining("rules=maybe");
    assertThatThrownBy(() -> connect(";threads=0")).isInstanceOf(SQLException.class)
        .hasMessageContaining("threads");
  }

  @Test
  void missingRootFailsToConnectWithAClearMessage() {
    Path missing = dir.resolve("no-such-dataset");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:wafer:" + missing))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:wafer:")).isInstanceOf(SQLException.class)
        .hasMessageContaining("no dataset root");
  }

  @Test
  void sqlErrorsKeepLineAndColumn() throws Exception {
    try (Connection c = connect(""); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("SELECT nope\nFROM test_results"))
          .isInstanceOf(SQLException.class).hasMessageContaining("line 1, column 8");
      assertThatThrownBy(() -> s.executeQuery("SELECT * FROM missing_table"))
          .isInstanceOf(SQLException.class).hasMessageContaining("missing_table");
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM specs")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(5);
      }
    }
    assertThat(WaferMemory.root().getAllocatedMemory()).isZero();
  }

  @Test
  void plansWhoseRootIsTheScanOrAnIdentityProjection() throws Exception {
    // a scan that is the whole plan, and an identity projection Calcite removes: both trip the
    // planner when the scan is a physical node in the logical convention
    for (String sql : new String[] {"SELECT * FROM specs", "SELECT test_name, lo, hi, unit FROM specs",
        "SELECT lo FROM specs", "SELECT hi, lo FROM specs"}) {
      try (Connection c = connect(""); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        int rows = 0;
        while (rs.next()) {
          rows++;
        }
        assertThat(rows).as(sql).isEqualTo(5);
      }
    }
  }

  @Test
  void identifiersMatchCaseInsensitivelyAndGroupByOrdinalWorks() throws Exception {
    try (Connection c = connect(""); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT Test_Name, COUNT(*) FROM \"TEST_RESULTS\" GROUP BY 1 ORDER BY 1")) {
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      assertThat(names).containsExactly("Freq", "Idd", "Leak", "Temp", "Vdd");
    }
  }

  private static List<String> strings(ResultSet rs, String column) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        out.add(rs.getString(column));
      }
    }
    return out;
  }
}
