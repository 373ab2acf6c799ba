package dev.wafer.sql.agg;

import dev.wafer.adapter.testing.ArrowTestWriter;
import dev.wafer.adapter.testing.TestColumn;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Generated test results for the aggregation tests: the same rows written as a partitioned Wafer
 * table of Arrow files ({@code results}, hive partitions {@code test_date=…}) and loaded into a
 * DuckDB in-memory table {@code results}, which DuckDB also writes as Parquet (Wafer table
 * {@code results_pq}) so the Parquet path is aggregated too.
 */
final class AggData {
  static final List<TestColumn> COLUMNS = List.of(
      TestColumn.dict("lot"),
      TestColumn.of("wafer", new ArrowType.Int(32, true)),
      TestColumn.of("device_id", new ArrowType.Int(32, true)),
      TestColumn.dict("test_name"),
      TestColumn.of("measured", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
      TestColumn.of("test_time", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
      TestColumn.of("hard_bin", new ArrowType.Int(16, true)),
      TestColumn.of("site", new ArrowType.Int(8, true)),
      TestColumn.of("passed", ArrowType.Bool.INSTANCE),
      TestColumn.of("ts", new ArrowType.Timestamp(TimeUnit.MILLISECOND, null)),
      TestColumn.of("test_day", new ArrowType.Date(org.apache.arrow.vector.types.DateUnit.DAY)),
      TestColumn.of("big", new ArrowType.Int(64, true)),
      TestColumn.of("r4", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
      TestColumn.of("label", ArrowType.Utf8.INSTANCE));
  static final String DUCK_COLUMNS = "lot VARCHAR, wafer INTEGER, device_id INTEGER, test_name VARCHAR, "
      + "measured DOUBLE, test_time DOUBLE, hard_bin SMALLINT, site TINYINT, passed BOOLEAN, ts TIMESTAMP, "
      + "test_day DATE, big BIGINT, r4 REAL, label VARCHAR, test_date DATE";

  private AggData() {}

  /**
   * A random Wafer dataset under {@code root} for the property tests: 1 to {@code maxDays} days
   * from 2024-03-01, 200 to 3,199 rows each, in batches of 50 to 949 rows, dictionaries shared
   * across batches or not.
   */
  static void writeRandom(Path root, Random rnd, int maxDays) throws java.io.IOException {
    int files = 1 + rnd.nextInt(maxDays);
    for (int f = 0; f < files; f++) {
      LocalDate date = LocalDate.of(2024, 3, 1).plusDays(f);
      ArrowTestWriter.write(root.resolve("results/test_date=" + date + "/part-0.arrow"), COLUMNS,
          rows(rnd, date, 200 + rnd.nextInt(3000)), 50 + rnd.nextInt(900), rnd.nextBoolean());
    }
  }

  /** Rows of one partition (day), deterministic for a seed; about 3% NULLs in nullable columns. */
  static List<Object[]> rows(Random rnd, LocalDate date, int n) {
    List<Object[]> rows = new ArrayList<>();
    String[] tests = {"vdd_leak", "idd_q", "freq_max", "cont", "vth"};
    for (int i = 0; i < n; i++) {
      int t = rnd.nextInt(tests.length);
      double measured = (t + 1) * 0.5 + rnd.nextGaussian() * 0.1 * (t + 1);
      if (rnd.nextInt(500) == 0) {
        measured += 5; // outliers for the 3-sigma query
      }
      int bin = rnd.nextInt(10) < 8 ? 1 : 2 + rnd.nextInt(6);
      rows.add(new Object[] {
          "L" + rnd.nextInt(4),
          rnd.nextInt(25) == 0 ? null : rnd.nextInt(12),
          rnd.nextInt(300),
          tests[t],
          rnd.nextInt(33) == 0 ? null : measured,
          1.5 + rnd.nextDouble() * (t + 1),
          (short) bin,
          (byte) rnd.nextInt(4),
          rnd.nextInt(40) == 0 ? null : bin == 1,
          date.atStartOfDay().plusSeconds(rnd.nextInt(86_400)).plusNanos(rnd.nextInt(1000) * 1_000_000L),
          date.minusDays(rnd.nextInt(40)),
          rnd.nextInt(30) == 0 ? null : (long) rnd.nextInt(1_000_000) - 500_000L,
          rnd.nextInt(30) == 0 ? null : (float) (rnd.nextInt(1000) / 8.0),
          rnd.nextInt(10) == 0 ? null : "s" + rnd.nextInt(7)});
    }
    return rows;
  }

  /**
   * Writes {@code days} partitions of {@code rowsPerDay} rows under {@code root/results} and loads
   * them into DuckDB table {@code results}; DuckDB writes them as Parquet to {@code root/results_pq}.
   */
  static Connection write(Path root, long seed, int days, int rowsPerDay, int batchRows) throws Exception {
    Random rnd = new Random(seed);
    Connection duck = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = duck.createStatement()) {
      s.execute("SET TimeZone='UTC'");
      s.execute("CREATE TABLE results (" + DUCK_COLUMNS + ")");
    }
    String marks = "?,".repeat(COLUMNS.size()) + "?";
    try (PreparedStatement ps = duck.prepareStatement("INSERT INTO results VALUES (" + marks + ")")) {
      for (int d = 0; d < days; d++) {
        LocalDate date = LocalDate.of(2024, 1, 30).plusDays(d);
        List<Object[]> rows = rows(rnd, date, rowsPerDay);
        ArrowTestWriter.write(root.resolve("results/test_date=" + date + "/part-0.arrow"), COLUMNS, rows, batchRows,
            d % 2 == 0);
        for (Object[] r : rows) {
          for (int c = 0; c < r.length; c++) {
            Object v = r[c];
            ps.setObject(c + 1, v);
          }
          ps.setObject(r.length + 1, date);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    java.nio.file.Files.createDirectories(root.resolve("results_pq"));
    try (Statement s = duck.createStatement()) {
      s.execute("COPY results TO '" + root.resolve("results_pq/part-0.parquet") + "' (FORMAT PARQUET, ROW_GROUP_SIZE 5000)");
    }
    return duck;
  }
}
