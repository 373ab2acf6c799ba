package dev.wafer.sql.testing;

import dev.wafer.adapter.testing.ArrowTestWriter;
import dev.wafer.adapter.testing.TestColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * A small test-results table for the function tests, kept in memory (the oracle's input) and
 * written as Arrow files under {@code <dir>/test_results}, and as a DuckDB table of the same rows.
 * Columns: id, test_name, tester_id, wafer_id, ts (unique, increasing with id), test_value (about
 * 5 % NULL), lo_limit/hi_limit (per test; test "Leak" has no upper limit, "Temp" none at all),
 * passed (about 5 % NULL). Test "Empty" has only NULL values.
 */
public final class FunctionData {
  public static final String[] TESTS = {"Vdd", "Idd", "Freq", "Leak", "Temp", "Empty"};
  public static final String[] TESTERS = {"T01", "T02", "T03"};
  public static final int ID = 0;
  public static final int TEST_NAME = 1;
  public static final int TESTER_ID = 2;
  public static final int WAFER_ID = 3;
  public static final int TS = 4;
  public static final int TEST_VALUE = 5;
  public static final int LO_LIMIT = 6;
  public static final int HI_LIMIT = 7;
  public static final int PASSED = 8;

  private static final List<TestColumn> COLUMNS = List.of(
      TestColumn.of("id", new ArrowType.Int(64, true)),
      TestColumn.dict("test_name"),
      TestColumn.dict("tester_id"),
      TestColumn.dict("wafer_id"),
      TestColumn.of("ts", new ArrowType.Timestamp(TimeUnit.MILLISECOND, null)),
      TestColumn.of("test_value", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
      TestColumn.of("lo_limit", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
      TestColumn.of("hi_limit", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
      TestColumn.of("passed", ArrowType.Bool.INSTANCE));
  private static final String DDL = "CREATE TABLE test_results (id BIGINT, test_name VARCHAR, tester_id VARCHAR,"
      + " wafer_id VARCHAR, ts TIMESTAMP, test_value DOUBLE, lo_limit DOUBLE, hi_limit DOUBLE, passed BOOLEAN)";

  private final List<Object[]> rows;

  private FunctionData(List<Object[]> rows) {
    this.rows = rows;
  }

  /** Generates {@code n} rows and writes them as two Arrow files under {@code root/test_results}. */
  public static FunctionData create(Path root, int n, long seed) throws IOException {
    Random rnd = new Random(seed);
    List<Object[]> rows = new ArrayList<>(n);
    LocalDateTime t0 = LocalDateTime.of(2024, 1, 3, 0, 0);
    for (int i = 0; i < n; i++) {
      int test = rnd.nextInt(TESTS.length);
      String name = TESTS[test];
      double drift = name.equals("Freq") && i % TESTERS.length == 2 ? 10.0 * i / n : 0.0;
      Double value = name.equals("Empty") || rnd.nextInt(20) == 0 ? null
          : Math.round((100 + rnd.nextGaussian() * 5 + drift) * 1000) / 1000.0;
      Double lo = name.equals("Temp") ? null : 85.0 + test;
      Double hi = name.equals("Temp") || name.equals("Leak") ? null : 115.0 - test;
      Boolean passed = rnd.nextInt(20) == 0 ? null : value != null && (lo == null || value >= lo) && (hi == null || value <= hi);
      rows.add(new Object[] {(long) i, name, TESTERS[i % TESTERS.length], "W" + (1 + rnd.nextInt(4)),
          t0.plusSeconds(i * 7L), value, lo, hi, passed});
    }
    int half = n / 2;
    ArrowTestWriter.write(root.resolve("test_results/part-0.arrow"), COLUMNS, rows.subList(0, half), 500, true);
    ArrowTestWriter.write(root.resolve("test_results/part-1.arrow"), COLUMNS, rows.subList(half, n), 500, true);
    return new FunctionData(rows);
  }

  public List<Object[]> rows() {
    return rows;
  }

  /** Loads the rows into table {@code test_results} of a DuckDB connection. */
  public void loadInto(DuckDBConnection duck) throws SQLException {
    try (Statement s = duck.createStatement()) {
      s.execute(DDL);
    }
    try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "test_results")) {
      for (Object[] r : rows) {
        a.beginRow();
        a.append((Long) r[ID]);
        a.append((String) r[TEST_NAME]);
        a.append((String) r[TESTER_ID]);
        a.append((String) r[WAFER_ID]);
        a.append((LocalDateTime) r[TS]);
        appendDouble(a, r[TEST_VALUE]);
        appendDouble(a, r[LO_LIMIT]);
        appendDouble(a, r[HI_LIMIT]);
        if (r[PASSED] == null) {
          a.appendNull();
        } else {
          a.append((Boolean) r[PASSED]);
        }
        a.endRow();
      }
    }
  }

  private static void appendDouble(DuckDBAppender a, Object v) throws SQLException {
    if (v == null) {
      a.appendNull();
    } else {
      a.append((Double) v);
    }
  }
}
