package dev.wafer.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wafer.adapter.testing.ArrowTestWriter;
import dev.wafer.adapter.testing.TestColumn;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The query and explain commands, run in-process; outputs are parsed and compared with JDBC. */
class CliTest {
  @TempDir static Path root;
  static final String SQL = "SELECT id, name, note, v FROM t WHERE id < 30 ORDER BY id";

  @BeforeAll
  static void writeTable() throws Exception {
    List<TestColumn> cols = List.of(TestColumn.of("id", new ArrowType.Int(64, true)), TestColumn.dict("name"),
        TestColumn.of("note", ArrowType.Utf8.INSTANCE),
        TestColumn.of("v", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)));
    List<Object[]> rows = new ArrayList<>();
    String[] notes = {"plain", "with, comma", "with \"quotes\"", "two\nlines", null, ""};
    for (int i = 0; i < 100; i++) {
      rows.add(new Object[] {(long) i, i % 5 == 0 ? null : "n" + i % 3, notes[i % notes.length], i / 4.0});
    }
    ArrowTestWriter.write(root.resolve("t/part-0.arrow"), cols, rows, 40, true);
  }

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = WaferCli.newCommandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** The query's rows as JDBC getString values. */
  static List<List<String>> jdbcRows() throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:wafer:" + root); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(SQL)) {
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void csvIsAHeaderThenRfc4180Rows() throws Exception {
    Run r = run("query", "--data", root.toString(), "--format", "csv", SQL);
    assertThat(r.exit()).as(r.err()).isZero();
    List<List<String>> parsed = Rfc4180.parse(r.out());
    assertThat(parsed.get(0)).containsExactly("id", "name", "note", "v");
    List<List<String>> expected = jdbcRows();
    // RFC 4180 has no NULL: a NULL prints as an empty field, like the empty string
    expected.forEach(row -> row.replaceAll(v -> v == null ? "" : v));
    assertThat(parsed.subList(1, parsed.size())).isEqualTo(expected);
    assertThat(r.out()).contains("\"with, comma\"").contains("\"with \"\"quotes\"\"\"").endsWith("\r\n");
  }

  @Test
  void jsonIsAnArrayOfObjects() throws Exception {
    Run r = run("query", "--data", root.toString(), "--format", "json", SQL);
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    List<List<String>> expected = jdbcRows();
    assertThat(json.size()).isEqualTo(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      JsonNode row = json.get(i);
      assertThat(row.get("id").isNumber()).isTrue();
      assertThat(row.get("id").asText()).isEqualTo(expected.get(i).get(0));
      assertThat(row.get("name").isNull() ? null : row.get("name").asText()).isEqualTo(expected.get(i).get(1));
      assertThat(row.get("note").isNull() ? null : row.get("note").asText()).isEqualTo(expected.get(i).get(2));
      assertThat(row.get("v").asDouble()).isEqualTo(Double.parseDouble(expected.get(i).get(3)));
    }
  }

  @Test
  void tableFormatShowsHeaderRowsAndCount() throws Exception {
    Run r = run("query", "--data", root.toString(), "SELECT name, count(*) AS n FROM t GROUP BY name ORDER BY name");
    assertThat(r.exit()).as(r.err()).isZero();
    String[] lines = r.out().split("\n");
    assertThat(lines[0]).startsWith("name").contains("| n");
    assertThat(lines[1]).matches("-+-\\+-+");
    assertThat(r.out()).contains("NULL").endsWith("(4 rows)\n");
  }

  @Test
  void explainPrintsThePlanWithTheScanSpecification() {
    Run r = run("explain", "--data", root.toString(), "SELECT sum(v) FROM t WHERE name = 'n1'");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("WaferTableScan").contains("columns=[v]").contains("filter=[name = 'n1']")
        .contains("files=1/1").contains("batches=3/3").contains("aggregate=[group=[], calls=[SUM(v)]]")
        .doesNotContain("EnumerableAggregate");
  }

  @Test
  void badSqlExitsNonZeroWithPosition() {
    Run r = run("query", "--data", root.toString(), "SELECT nope FROM t");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("line 1, column 8").contains("nope");
  }

  @Test
  void missingDataDirectoryIsReported() {
    Run r = run("query", "--data", root.resolve("absent").toString(), "SELECT 1");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("does not exist");
  }

  @Test
  void unknownFormatIsRejected() {
    Run r = run("query", "--data", root.toString(), "--format", "xml", "SELECT 1");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("table, csv, json");
  }
}
