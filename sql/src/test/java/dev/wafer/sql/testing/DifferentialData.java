package dev.wafer.sql.testing;

import dev.wafer.adapter.testing.ArrowTestWriter;
import dev.wafer.adapter.testing.TestColumn;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Random test-result data for the differential suite, written three ways from the same rows:
 * Arrow IPC files in hive directories (Wafer's format, dictionary-encoded strings, footer
 * statistics), Parquet written by DuckDB ({@code COPY … PARTITION_BY}), and DuckDB views over
 * that Parquet. Columns cover every SQL type Wafer maps, with NULLs in most of them.
 */
public final class DifferentialData implements AutoCloseable {
  public static final int DAYS = 5;
  public static final int ROWS_PER_FILE = 1500;
  static final String[] TESTS = {"Vdd", "Idd", "Freq", "Leak", "Temp"};

  static final List<TestColumn> RESULT_COLUMNS = List.of(
      TestColumn.of("id", new ArrowType.Int(64, true)),
      TestColumn.dict("wafer_id"),
      TestColumn.of("lot_no", new ArrowType.Int(32, true)),
      TestColumn.of("site", new ArrowType.Int(8, true)),
      TestColumn.of("bin", new ArrowType.Int(16, true)),
      TestColumn.dict("test_name"),
      TestColumn.of("test_value", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
      TestColumn.of("gain", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
      TestColumn.of("passed", ArrowType.Bool.INSTANCE),
      TestColumn.of("ts", new ArrowType.Timestamp(TimeUnit.MILLISECOND, null)),
      TestColumn.of("ts_us", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
      TestColumn.of("lot_date", new ArrowType.Date(DateUnit.DAY)),
      TestColumn.of("note", ArrowType.Utf8.INSTANCE),
      TestColumn.of("price", new ArrowType.Decimal(10, 3, 128)));
  static final String RESULT_DDL = "CREATE TABLE test_results (id BIGINT, wafer_id VARCHAR, lot_no INTEGER,"
      + " site TINYINT, bin SMALLINT, test_name VARCHAR, test_value DOUBLE, gain REAL, passed BOOLEAN,"
      + " ts TIMESTAMP, ts_us TIMESTAMP, lot_date DATE, note VARCHAR, price DECIMAL(10,3), test_date DATE)";

  static final List<TestColumn> SPEC_COLUMNS = List.of(
      TestColumn.of("test_name", ArrowType.Utf8.INSTANCE),
      TestColumn.of("lo", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
      TestColumn.of("hi", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
      TestColumn.dict("unit"));
  static final String SPEC_DDL = "CREATE TABLE specs (test_name VARCHAR, lo DOUBLE, hi DOUBLE, unit VARCHAR)";

  private final Path arrowRoot;
  private final Path parquetRoot;
  private final DuckDBConnection duck;

  private DifferentialData(Path arrowRoot, Path parquetRoot, DuckDBConnection duck) {
    this.arrowRoot = arrowRoot;
    this.parquetRoot = parquetRoot;
    this.duck = duck;
  }

  /** Generates the data under {@code dir} ({@code arrow/}, {@code parquet/}) and a DuckDB with views. */
  public static DifferentialData create(Path dir, long seed) throws IOException, SQLException {
    Random rnd = new Random(seed);
    Path arrow = dir.resolve("arrow");
    Path parquet = dir.resolve("parquet");
    DuckDBConnection duck = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = duck.createStatement()) {
      s.execute(RESULT_DDL);
      s.execute(SPEC_DDL);
    }
    long id = 0;
    for (int d = 0; d < DAYS; d++) {
      LocalDate day = LocalDate.of(2024, 1, 1).plusDays(d);
      int files = d % 2 == 0 ? 2 : 1;
      for (int f = 0; f < files; f++) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ROWS_PER_FILE; i++) {
          rows.add(resultRow(rnd, id++, day));
        }
        ArrowTestWriter.write(arrow.resolve("test_results/test_date=" + day + "/part-" + f + ".arrow"),
            RESULT_COLUMNS, rows, 700, f == 0);
        append(duck, "test_results", rows, day);
      }
    }
    List<Object[]> specs = List.of(
        new Object[] {"Vdd", 95.0, 105.0, "V"}, new Object[] {"Idd", 90.0, 110.0, "mA"},
        new Object[] {"Freq", 98.0, 102.0, "MHz"}, new Object[] {"Leak", 80.0, 120.0, "nA"},
        new Object[] {"Noise", 0.0, 1.0, null});
    ArrowTestWriter.write(arrow.resolve("specs/part-0.arrow"), SPEC_COLUMNS, specs, 10, true);
    append(duck, "specs", specs, null);
    try (Statement s = duck.createStatement()) {
      String results = parquet.resolve("test_results").toString();
      String specFile = parquet.resolve("specs").resolve("specs.parquet").toString();
      java.nio.file.Files.createDirectories(parquet.resolve("specs"));
      s.execute("COPY test_results TO '" + results + "' (FORMAT PARQUET, PARTITION_BY (test_date))");
      s.execute("COPY specs TO '" + specFile + "' (FORMAT PARQUET)");
      s.execute("DROP TABLE test_results");
      s.execute("DROP TABLE specs");
      s.execute("CREATE VIEW test_results AS SELECT * FROM read_parquet('" + results
          + "/*/*.parquet', hive_partitioning = true)");
      s.execute("CREATE VIEW specs AS SELECT * FROM read_parquet('" + specFile + "')");
    }
    return new DifferentialData(arrow, parquet, duck);
  }

  private static Object[] resultRow(Random rnd, long id, LocalDate day) {
    LocalDateTime ts = day.atStartOfDay().plusSeconds(rnd.nextInt(86_400)).plusNanos(rnd.nextInt(1000) * 1_000_000L);
    double value = rnd.nextInt(50) == 0 ? 100 + rnd.nextGaussian() * 40 : 100 + rnd.nextGaussian() * 5;
    return new Object[] {
      id,
      "W" + String.format("%02d", rnd.nextInt(12) + 1),
      rnd.nextInt(8),
      (byte) rnd.nextInt(8),
      rnd.nextInt(10) == 0 ? null : (short) (rnd.nextInt(8) + 1),
      TESTS[rnd.nextInt(TESTS.length)],
      rnd.nextInt(20) == 0 ? null : Math.round(value * 1000) / 1000.0,
      rnd.nextInt(15) == 0 ? null : (float) (rnd.nextInt(1000) / 1000.0),
      rnd.nextInt(7) == 0 ? null : rnd.nextBoolean(),
      ts,
      rnd.nextInt(30) == 0 ? null : ts.minusMinutes(rnd.nextInt(600)),
      day.minusDays(rnd.nextInt(40)),
      note(rnd),
      rnd.nextInt(12) == 0 ? null : BigDecimal.valueOf(rnd.nextInt(10_000_000), 3),
    };
  }

  private static String note(Random rnd) {
    switch (rnd.nextInt(6)) {
      case 0: return null;
      case 1: return "retest, \"probe\" " + rnd.nextInt(5);
      case 2: return "Ω drift " + rnd.nextInt(3);
      case 3: return "";
      default: return "ok" + rnd.nextInt(10);
    }
  }

  private static void append(DuckDBConnection duck, String table, List<Object[]> rows, LocalDate day)
      throws SQLException {
    try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
      for (Object[] row : rows) {
        a.beginRow();
        for (Object v : row) {
          appendValue(a, v);
        }
        if (day != null) {
          a.append(day);
        }
        a.endRow();
      }
    }
  }

  private static void appendValue(DuckDBAppender a, Object v) throws SQLException {
    if (v == null) {
      a.appendNull();
    } else if (v instanceof Long x) {
      a.append(x);
    } else if (v instanceof Integer x) {
      a.append(x);
    } else if (v instanceof Short x) {
      a.append(x);
    } else if (v instanceof Byte x) {
      a.append(x);
    } else if (v instanceof Double x) {
      a.append(x);
    } else if (v instanceof Float x) {
      a.append(x);
    } else if (v instanceof Boolean x) {
      a.append(x);
    } else if (v instanceof LocalDateTime x) {
      a.append(x);
    } else if (v instanceof LocalDate x) {
      a.append(x);
    } else if (v instanceof BigDecimal x) {
      a.append(x);
    } else {
      a.append((String) v);
    }
  }

  public Path arrowRoot() {
    return arrowRoot;
  }

  public Path parquetRoot() {
    return parquetRoot;
  }

  public Connection duckdb() {
    return duck;
  }

  @Override
  public void close() throws SQLException {
    duck.close();
  }
}
