package dev.wafer.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.wafer.adapter.WaferMemory;
import dev.wafer.adapter.testing.ArrowTestWriter;
import dev.wafer.adapter.testing.TestColumn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupt input gives an SQLException naming the file and the reason, never a JVM crash or a
 * hang; the connection survives, other tables stay queryable, and no Arrow memory leaks.
 */
class CorruptInputTest {
  static final List<TestColumn> COLUMNS = List.of(
      TestColumn.of("id", new ArrowType.Int(64, true)),
      TestColumn.dict("name"),
      TestColumn.of("v", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
      TestColumn.of("note", ArrowType.Utf8.INSTANCE));
  static final int ROWS = 120;
  static final String QUERY = "SELECT count(*), count(name), sum(v), max(note), min(id) FROM bad";

  @TempDir Path root;
  Path badFile;
  byte[] original;

  @BeforeEach
  void writeTables() throws Exception {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      rows.add(new Object[] {(long) i, i % 4 == 0 ? null : "name" + (i % 3), i * 1.5, "note " + i});
    }
    ArrowTestWriter.write(root.resolve("good/part-0.arrow"), COLUMNS, rows, 40, true);
    badFile = root.resolve("bad/part-0.arrow");
    ArrowTestWriter.write(badFile, COLUMNS, rows, 40, true);
    original = Files.readAllBytes(badFile);
  }

  @Test
  void intactFileReadsCorrectly() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(ROWS);
      assertThat(rs.getLong(2)).isEqualTo(ROWS * 3 / 4);
      assertThat(rs.getDouble(3)).isEqualTo(1.5 * (ROWS - 1) * ROWS / 2);
    }
  }

  @Test
  void truncatedFileAtSeveralOffsets() throws Exception {
    int n = original.length;
    for (int cut : new int[] {0, 3, 6, 8, 100, n / 3, n / 2, n - 200, n - 11, n - 10, n - 6, n - 1}) {
      Files.write(badFile, Arrays.copyOf(original, cut));
      expectCleanFailure("truncated at " + cut, "bad/part-0.arrow");
    }
  }

  @Test
  void textFileNamedArrow() throws Exception {
    Files.writeString(badFile, "id,name\n1,a\n2,b\n", StandardCharsets.UTF_8);
    String message = expectCleanFailure("text file", "bad/part-0.arrow");
    assertThat(message).contains("not an Arrow IPC file");
  }

  @Test
  void textFileNamedParquet() throws Exception {
    Files.delete(badFile);
    Files.writeString(root.resolve("bad/part-0.parquet"), "this is not parquet\n", StandardCharsets.UTF_8);
    String message = expectCleanFailure("text file as parquet", "bad/part-0.parquet");
    assertThat(message).contains("Parquet");
  }

  @Test
  void footerLengthPointingOutsideTheFile() throws Exception {
    byte[] bytes = original.clone();
    int at = bytes.length - 10; // little-endian int32 footer length before the trailing magic
    bytes[at + 3] = 0x40;
    Files.write(badFile, bytes);
    assertThat(expectCleanFailure("footer length", "bad/part-0.arrow")).contains("footer length");
  }

  @Test
  void dictionaryIndexOutOfRange() throws Exception {
    // a file whose indices are all 2 (0x02000000 little-endian): point one at index 0x40000002
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      rows.add(new Object[] {(long) i, "c", 1.0, "n"});
    }
    rows.add(new Object[] {99L, "a", 1.0, "n"});
    rows.add(new Object[] {98L, "b", 1.0, "n"});
    ArrowTestWriter.write(badFile, COLUMNS, rows, 100, false);
    byte[] bytes = Files.readAllBytes(badFile);
    byte[] pattern = {2, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0};
    int at = indexOf(bytes, pattern);
    assertThat(at).isPositive();
    bytes[at + 3] = 0x40;
    Files.write(badFile, bytes);
    assertThat(expectCleanFailure("dictionary index", "bad/part-0.arrow")).contains("dictionary index");
  }

  @Test
  void everyFlippedFooterByteFailsCleanlyOrReads() throws Exception {
    int footerLength = java.nio.ByteBuffer.wrap(original, original.length - 10, 4)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    int start = original.length - 10 - footerLength;
    for (int at = start; at < original.length; at += 17) {
      try (Connection c = connect()) { // the footer is read when the table is first used
        flipAndQuery(c, at);
      }
    }
  }

  @Test
  void everyFlippedByteOfTheBatchesFailsCleanlyOrReads() throws Exception {
    int footerLength = java.nio.ByteBuffer.wrap(original, original.length - 10, 4)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    int end = original.length - 10 - footerLength;
    try (Connection c = connect()) { // batches are read (and checked) by every query
      for (int at = 8; at < end; at += 41) {
        flipAndQuery(c, at);
      }
    }
  }

  @Test
  void schemaClashNamesBothFiles() throws Exception {
    List<TestColumn> clash = List.of(TestColumn.of("id", ArrowType.Utf8.INSTANCE));
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {"x"});
    ArrowTestWriter.write(root.resolve("bad/part-1.arrow"), clash, rows, 10, false);
    String message = expectCleanFailure("schema clash", "bad/part-0.arrow");
    assertThat(message).contains("bad/part-1.arrow").contains("BIGINT").contains("VARCHAR");
  }

  /**
   * A connection keeps the file list and schemas it loaded; a file rewritten afterwards with
   * another schema must fail the query with the file named, not be read with the old one.
   */
  @Test
  void fileRewrittenWithAnotherSchemaAfterConnecting() throws Exception {
    try (Connection c = connect()) {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(ROWS);
      }
      List<TestColumn> other = List.of(TestColumn.of("id", ArrowType.Utf8.INSTANCE),
          TestColumn.of("v", new ArrowType.Int(64, true)));
      List<Object[]> rows = new ArrayList<>();
      rows.add(new Object[] {"x", 1L});
      Path fresh = root.resolve("bad-part-0.arrow.tmp");
      ArrowTestWriter.write(fresh, other, rows, 10, false);
      Files.move(fresh, badFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      for (int attempt = 0; attempt < 2; attempt++) {
        assertThatThrownBy(() -> {
          try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
            rs.next();
          }
        }).isInstanceOf(SQLException.class)
            .satisfies(e -> assertThat(fullMessage(e)).contains("bad/part-0.arrow")
                .contains("schema changed since the table was loaded"));
      }
      assertOtherTableReadable(c);
      assertThat(WaferMemory.root().getAllocatedMemory()).isZero();
    }
  }

  /**
   * Flips all bits of one byte; the query must read, or fail with an SQLException naming the file
   * (or, when the flip renamed a column in the footer's schema, Calcite's "not found" error).
   */
  private void flipAndQuery(Connection c, int at) throws Exception {
    byte[] bytes = original.clone();
    bytes[at] = (byte) ~bytes[at];
    Files.write(badFile, bytes);
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
      while (rs.next()) {
        rs.getObject(1);
      }
    } catch (SQLException e) {
      assertThat(fullMessage(e)).as("byte " + at).containsAnyOf("part-0.arrow", "not found in any table");
    }
    assertOtherTableReadable(c);
    assertThat(WaferMemory.root().getAllocatedMemory()).as("byte " + at).isZero();
  }

  private String expectCleanFailure(String what, String fileSuffix) throws Exception {
    try (Connection c = connect()) {
      String message = null;
      for (int attempt = 0; attempt < 2; attempt++) { // the failure repeats; the connection survives it
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
          while (rs.next()) {
            rs.getObject(1);
          }
          fail(what + ": query succeeded on a corrupt file");
        } catch (SQLException e) {
          message = fullMessage(e);
          assertThat(message).as(what).contains(fileSuffix);
        }
      }
      assertOtherTableReadable(c);
      assertThat(WaferMemory.root().getAllocatedMemory()).as(what).isZero();
      return message;
    }
  }

  private static void assertOtherTableReadable(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*), sum(v) FROM good")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(ROWS);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:wafer:" + root + ";threads=2");
  }

  static String fullMessage(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable x = t; x != null; x = x.getCause()) {
      sb.append(x.getMessage()).append(" | ");
    }
    return sb.toString();
  }

  private static int indexOf(byte[] bytes, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= bytes.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (bytes[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
