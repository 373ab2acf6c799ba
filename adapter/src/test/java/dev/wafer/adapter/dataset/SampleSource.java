package dev.wafer.adapter.dataset;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A small deterministic source for writer tests: a dictionary string, a plain string, ints with
 * nulls, doubles with nulls and NaN, a boolean, a date and a millisecond timestamp.
 */
final class SampleSource implements RecordBatchSource {
  static final String[] NAMES = {"alpha", "beta", "gamma", "delta", "eps/ilon"};
  static final long DAY_MS = 86_400_000L;
  static final long T0 = 19723L * DAY_MS; // 2024-01-01

  private final long totalRows;
  private final int batchRows;
  private final int failAfterBatches;
  private final SplittableRandom random;
  private final VectorSchemaRoot root;
  private final DictionaryProvider.MapDictionaryProvider dictionaries;
  private long produced;
  private int batches;

  SampleSource(BufferAllocator allocator, long totalRows, int batchRows, long seed) {
    this(allocator, totalRows, batchRows, seed, -1);
  }

  SampleSource(BufferAllocator allocator, long totalRows, int batchRows, long seed, int failAfter) {
    this.totalRows = totalRows;
    this.batchRows = batchRows;
    this.failAfterBatches = failAfter;
    this.random = new SplittableRandom(seed);
    VarCharVector dict = new VarCharVector(
        new Field("name_dict", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null), allocator);
    dict.allocateNew();
    for (int i = 0; i < NAMES.length; i++) {
      dict.setSafe(i, NAMES[i].getBytes(StandardCharsets.UTF_8));
    }
    dict.setValueCount(NAMES.length);
    DictionaryEncoding enc = new DictionaryEncoding(1L, false, new ArrowType.Int(32, true));
    dictionaries = new DictionaryProvider.MapDictionaryProvider(new Dictionary(dict, enc));
    Schema schema = new Schema(List.of(
        new Field("name", new FieldType(true, new ArrowType.Int(32, true), enc), null),
        Field.nullable("label", ArrowType.Utf8.INSTANCE),
        Field.nullable("k", new ArrowType.Int(32, true)),
        Field.nullable("x", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
        Field.nullable("ok", ArrowType.Bool.INSTANCE),
        Field.nullable("d", new ArrowType.Date(DateUnit.DAY)),
        Field.nullable("ts", new ArrowType.Timestamp(TimeUnit.MILLISECOND, null))));
    root = VectorSchemaRoot.create(schema, allocator);
  }

  @Override
  public Schema schema() {
    return root.getSchema();
  }

  @Override
  public DictionaryProvider dictionaries() {
    return dictionaries;
  }

  @Override
  public long expectedRows() {
    return totalRows;
  }

  @Override
  public boolean next() {
    if (produced >= totalRows) {
      return false;
    }
    if (failAfterBatches >= 0 && batches == failAfterBatches) {
      throw new IllegalStateException("injected failure after " + batches + " batches");
    }
    int n = (int) Math.min(batchRows, totalRows - produced);
    root.allocateNew();
    IntVector name = (IntVector) root.getVector("name");
    VarCharVector label = (VarCharVector) root.getVector("label");
    IntVector k = (IntVector) root.getVector("k");
    Float8Vector x = (Float8Vector) root.getVector("x");
    BitVector ok = (BitVector) root.getVector("ok");
    DateDayVector d = (DateDayVector) root.getVector("d");
    TimeStampMilliVector ts = (TimeStampMilliVector) root.getVector("ts");
    for (int i = 0; i < n; i++) {
      long row = produced + i;
      name.setSafe(i, random.nextInt(NAMES.length));
      if (row % 7 == 3) {
        label.setNull(i);
      } else {
        label.setSafe(i, ("L" + (row % 13)).getBytes(StandardCharsets.UTF_8));
      }
      if (row % 11 == 5) {
        k.setNull(i);
      } else {
        k.setSafe(i, random.nextInt(-1000, 1000));
      }
      if (row % 17 == 2) {
        x.setNull(i);
      } else {
        x.setSafe(i, row % 101 == 0 ? Double.NaN : random.nextDouble() * 200 - 100);
      }
      ok.setSafe(i, random.nextBoolean() ? 1 : 0);
      long t = T0 + row * 60_000L; // one row per minute: 1440 rows per day
      ts.setSafe(i, t);
      d.setSafe(i, (int) Math.floorDiv(t, DAY_MS));
    }
    root.setRowCount(n);
    produced += n;
    batches++;
    return true;
  }

  @Override
  public VectorSchemaRoot root() {
    return root;
  }

  @Override
  public void close() {
    root.close();
    dictionaries.getDictionaryIds().forEach(id -> dictionaries.lookup(id).getVector().close());
  }
}
