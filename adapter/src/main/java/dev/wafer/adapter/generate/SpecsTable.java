package dev.wafer.adapter.generate;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.dataset.RecordBatchSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Table {@code specs}: one row per test of {@link TestSpec#ALL} with its number, name, limits and
 * units ({@code test_num INTEGER, test_name VARCHAR, lo_limit DOUBLE, hi_limit DOUBLE, units
 * VARCHAR}), as a one-batch stream for the dataset writer. Its four rows are too few to gain from
 * dictionary encoding, so the strings are plain UTF-8 and {@link #dictionaries()} is empty.
 */
public final class SpecsTable implements RecordBatchSource {
  public static final String TABLE = "specs";
  public static final String TEST_NUM = TestResultsSchema.TEST_NUM;
  public static final String TEST_NAME = TestResultsSchema.TEST_NAME;
  public static final String LO_LIMIT = TestResultsSchema.LO_LIMIT;
  public static final String HI_LIMIT = TestResultsSchema.HI_LIMIT;
  public static final String UNITS = TestResultsSchema.UNITS;

  public static final Schema SCHEMA = new Schema(List.of(
      TestResultsSchema.plain(TEST_NUM, TestResultsSchema.INT32),
      TestResultsSchema.plain(TEST_NAME, ArrowType.Utf8.INSTANCE),
      TestResultsSchema.plain(LO_LIMIT, TestResultsSchema.FLOAT64),
      TestResultsSchema.plain(HI_LIMIT, TestResultsSchema.FLOAT64),
      TestResultsSchema.plain(UNITS, ArrowType.Utf8.INSTANCE)));

  private final VectorSchemaRoot root;
  private final DictionaryProvider.MapDictionaryProvider noDictionaries =
      new DictionaryProvider.MapDictionaryProvider();
  private boolean delivered;

  /** A source allocating its one batch from {@code allocator}; close it to release the batch. */
  public SpecsTable(BufferAllocator allocator) {
    root = VectorSchemaRoot.create(SCHEMA, requireNonNull(allocator, "allocator"));
  }

  /** Name of the table. */
  public String tableName() {
    return TABLE;
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public DictionaryProvider dictionaries() {
    return noDictionaries;
  }

  @Override
  public long expectedRows() {
    return TestSpec.ALL.size();
  }

  @Override
  public VectorSchemaRoot root() {
    return root;
  }

  @Override
  public boolean next() {
    if (delivered) {
      root.setRowCount(0);
      return false;
    }
    delivered = true;
    root.allocateNew();
    IntVector testNum = (IntVector) root.getVector(TEST_NUM);
    VarCharVector testName = (VarCharVector) root.getVector(TEST_NAME);
    Float8Vector lo = (Float8Vector) root.getVector(LO_LIMIT);
    Float8Vector hi = (Float8Vector) root.getVector(HI_LIMIT);
    VarCharVector units = (VarCharVector) root.getVector(UNITS);
    for (int i = 0; i < TestSpec.ALL.size(); i++) {
      TestSpec spec = TestSpec.ALL.get(i);
      testNum.setSafe(i, spec.testNum());
      testName.setSafe(i, spec.testName().getBytes(StandardCharsets.UTF_8));
      lo.setSafe(i, spec.loLimit());
      hi.setSafe(i, spec.hiLimit());
      units.setSafe(i, spec.units().getBytes(StandardCharsets.UTF_8));
    }
    root.setRowCount(TestSpec.ALL.size());
    return true;
  }

  @Override
  public void close() {
    root.close();
  }
}
