package dev.wafer.rules;

import dev.wafer.adapter.dataset.Derivation;
import dev.wafer.adapter.dataset.FileFormat;
import dev.wafer.adapter.dataset.PartitionColumn;
import dev.wafer.adapter.dataset.PartitionSpec;
import dev.wafer.adapter.dataset.TableMetadata;
import dev.wafer.adapter.testing.ArrowTestWriter;
import dev.wafer.adapter.testing.TestColumn;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A small partitioned test table {@code t} written as Arrow files with Wafer statistics, and the
 * same rows in a DuckDB table: 4 day partitions {@code test_date=2024-01-0N} (derived from
 * {@code ts} by {@code day}, recorded in the table metadata), 2 files each, batches of
 * {@value #BATCH} rows. Every type the kernels support appears, with NULLs; {@code d} also holds
 * NaN and -0.0; {@code extra} exists only in the second file of each day; {@code id} is sorted, so
 * batches have narrow id ranges; the first and last row of each file sit exactly on the day's
 * boundaries (00:00:00 and 23:59:59.999999).
 */
final class TestDataset {
  static final int DAYS = 4;
  static final int FILES_PER_DAY = 2;
  static final int ROWS_PER_FILE = 400;
  static final int BATCH = 100;
  static final String[] NAMES = {"alpha", "beta", "gamma", "delta", "ünïcode"};

  static final List<TestColumn> COLUMNS = List.of(
      TestColumn.of("id", new ArrowType.Int(64, true)),
      TestColumn.of("i", new ArrowType.Int(32, true)),
      TestColumn.of("sm", new ArrowType.Int(16, true)),
      TestColumn.of("d", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
      TestColumn.of("f", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
      TestColumn.dict("name"),
      TestColumn.of("s", ArrowType.Utf8.INSTANCE),
      TestColumn.of("flag", ArrowType.Bool.INSTANCE),
      TestColumn.of("ts", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
      TestColumn.of("amount", new ArrowType.Decimal(10, 2, 128)),
      TestColumn.of("ddate", new ArrowType.Date(DateUnit.DAY)));

  /** All rows: the columns above, then {@code extra}, then {@code test_date}. */
  final List<Object[]> rows = new ArrayList<>();

  private TestDataset() {}

  /** Writes table {@code t} under {@code root}. */
  static TestDataset write(Path root) throws Exception {
    TestDataset data = new TestDataset();
    Random r = new Random(42);
    long id = 0;
    for (int day = 0; day < DAYS; day++) {
      LocalDate date = LocalDate.of(2024, 1, 1).plusDays(day);
      for (int file = 0; file < FILES_PER_DAY; file++) {
        boolean withExtra = file == 1;
        List<Object[]> fileRows = new ArrayList<>();
        for (int k = 0; k < ROWS_PER_FILE; k++) {
          Object[] row = data.row(r, id++, date, file, k);
          fileRows.add(withExtra ? java.util.Arrays.copyOf(row, COLUMNS.size() + 1)
              : java.util.Arrays.copyOf(row, COLUMNS.size()));
          Object[] full = java.util.Arrays.copyOf(row, COLUMNS.size() + 2);
          full[COLUMNS.size()] = withExtra ? row[COLUMNS.size()] : null;
          full[COLUMNS.size() + 1] = date;
          data.rows.add(full);
        }
        List<TestColumn> cols = new ArrayList<>(COLUMNS);
        if (withExtra) {
          cols.add(TestColumn.of("extra", new ArrowType.Int(32, true)));
        }
        ArrowTestWriter.write(root.resolve("t/test_date=" + date + "/part-" + file + ".arrow"), cols, fileRows,
            BATCH, true);
      }
    }
    writeMetadata(root.resolve("t"));
    return data;
  }

  private Object[] row(Random r, long id, LocalDate date, int file, int k) {
    Object[] row = new Object[COLUMNS.size() + 1];
    row[0] = id;
    row[1] = r.nextInt(20) == 0 ? null : r.nextInt(101) - 50;
    row[2] = r.nextInt(20) == 0 ? null : (short) (r.nextInt(2001) - 1000);
    int dk = r.nextInt(30);
    row[3] = dk == 0 ? null : dk == 1 ? Double.NaN : dk == 2 ? -0.0 : dk == 3 ? 0.0 : Math.round(r.nextGaussian() * 1000) / 100.0;
    row[4] = r.nextInt(20) == 0 ? null : (float) (Math.round(r.nextGaussian() * 100) / 10.0);
    row[5] = r.nextInt(20) == 0 ? null : NAMES[r.nextInt(NAMES.length)];
    int sk = r.nextInt(25);
    row[6] = sk == 0 ? null : sk == 1 ? "x%y_z" : sk == 2 ? "" : "s" + r.nextInt(300);
    row[7] = r.nextInt(10) == 0 ? null : r.nextBoolean();
    LocalDateTime start = date.atStartOfDay();
    row[8] = k == 0 ? start : k == ROWS_PER_FILE - 1 ? start.plusDays(1).minusNanos(1000)
        : r.nextInt(30) == 0 ? null : start.plusNanos((r.nextLong() & Long.MAX_VALUE) % 86_400_000_000L * 1000);
    row[9] = r.nextInt(20) == 0 ? null : BigDecimal.valueOf(r.nextInt(200_001) - 100_000, 2);
    row[10] = r.nextInt(20) == 0 ? null : LocalDate.of(2023, 12, 1).plusDays(r.nextInt(90));
    row[11] = r.nextInt(10) == 0 ? null : r.nextInt(10);
    return row;
  }

  private static void writeMetadata(Path table) throws Exception {
    List<Field> fields = new ArrayList<>();
    for (TestColumn c : COLUMNS) {
      fields.add(c.dictionary() ? Field.nullable(c.name(), ArrowType.Utf8.INSTANCE) : Field.nullable(c.name(), c.type()));
    }
    fields.add(Field.nullable("extra", new ArrowType.Int(32, true)));
    Schema fileSchema = new Schema(fields);
    List<Field> withKey = new ArrayList<>(fields);
    withKey.add(Field.nullable("test_date", new ArrowType.Date(DateUnit.DAY)));
    new TableMetadata(fileSchema, FileFormat.ARROW, PartitionSpec.parse("test_date", new Schema(withKey)),
        List.of(new PartitionColumn("test_date", "DATE")), List.of(new Derivation("test_date", "ts", "day")))
        .write(table);
  }

  /** Loads the rows into DuckDB table {@code t} (same column names and SQL types). */
  void loadInto(Connection duck) throws SQLException {
    try (Statement st = duck.createStatement()) {
      st.execute("CREATE TABLE t (id BIGINT, i INTEGER, sm SMALLINT, d DOUBLE, f FLOAT, name VARCHAR, s VARCHAR,"
          + " flag BOOLEAN, ts TIMESTAMP, amount DECIMAL(10,2), ddate DATE, extra INTEGER, test_date DATE)");
    }
    try (PreparedStatement ps = duck.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
        + " CAST(? AS TIMESTAMP), ?, CAST(? AS DATE), ?, CAST(? AS DATE))")) {
      for (Object[] row : rows) {
        for (int c = 0; c < row.length; c++) {
          Object v = row[c];
          if (v instanceof LocalDateTime || v instanceof LocalDate) {
            v = v.toString();
          }
          ps.setObject(c + 1, v);
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
