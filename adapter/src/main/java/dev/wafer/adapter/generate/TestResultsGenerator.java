package dev.wafer.adapter.generate;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.dataset.Derivation;
import dev.wafer.adapter.dataset.RecordBatchSource;
import java.io.IOException;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Generates table {@code test_results}: the seed notebook's synthetic wafer-test data, made
 * realistic and scalable, as a stream of record batches for the dataset writer.
 *
 * <p>Columns and types are those of {@link TestResultsSchema}. Row {@code i} (from 0) is tested
 * at {@code ts} = 2024-01-01T00:00:00 + i seconds, {@code test_date} being its date (1,000,000
 * rows span 12 days). Its device is uniform over D00001–D10000, which fixes wafer, lot and die
 * position ({@link WaferMap}); tester T01–T08, site 0–3 and test (Vdd, Idd, Freq, Power, see
 * {@link TestSpec#ALL}) are uniform; {@code test_value} is N(100, 10) and {@code test_time_ms}
 * N(50, 10) (floored at 1 ms); {@code passed} and the bins follow from the value and the test's
 * limits. Two faults are injected, see {@link Anomalies}. No value is NULL.
 *
 * <p><b>Determinism</b>: the rows are a function of {@code (seed, rows)} alone. They are made in
 * fixed blocks of 65,536 rows, each from its own random stream seeded by (seed, block index), with
 * the random algorithms written out in this package rather than taken from the JDK; the batch
 * size and the thread count only cut and schedule the same rows. Only the Freq drift depends on
 * the total row count (it spans the whole time range); otherwise a shorter table is a prefix of
 * a longer one with the same seed.
 *
 * <p>Memory is constant: one batch of vectors, the dictionaries, and a few blocks of heap arrays.
 */
public final class TestResultsGenerator implements RecordBatchSource {
  private final GeneratorOptions options;
  private final DictionaryProvider.MapDictionaryProvider dictionaries;
  private final VectorSchemaRoot root;
  private final BlockPipeline blocks;
  private RowBlock block;
  private int blockOffset;
  private long produced;

  /**
   * A generator allocating its vectors and dictionaries from {@code allocator}; close it to
   * release them.
   */
  public TestResultsGenerator(BufferAllocator allocator, GeneratorOptions options) {
    requireNonNull(allocator, "allocator");
    this.options = requireNonNull(options, "options");
    this.dictionaries = TestResultsSchema.dictionaries(allocator);
    VectorSchemaRoot created = null;
    try {
      created = VectorSchemaRoot.create(TestResultsSchema.SCHEMA, allocator);
      this.root = created;
      this.blocks = new BlockPipeline(options.seed(), options.rows(), options.threads());
    } catch (RuntimeException e) {
      if (created != null) {
        created.close();
      }
      dictionaries.close();
      throw e;
    }
  }

  /** A generator with {@link GeneratorOptions#defaults()} and the given seed and row count. */
  public static TestResultsGenerator of(BufferAllocator allocator, long seed, long rows) {
    return new TestResultsGenerator(allocator, GeneratorOptions.defaults().withSeed(seed).withRows(rows));
  }

  public GeneratorOptions options() {
    return options;
  }

  /** Name of the generated table. */
  public String tableName() {
    return TestResultsSchema.TABLE;
  }

  /** {@code test_date} is {@code day(ts)}: recorded by the writer so filters on ts prune dates. */
  public List<Derivation> derivations() {
    return List.of(new Derivation(TestResultsSchema.TEST_DATE, TestResultsSchema.TS, "day"));
  }

  @Override
  public Schema schema() {
    return TestResultsSchema.SCHEMA;
  }

  @Override
  public DictionaryProvider dictionaries() {
    return dictionaries;
  }

  @Override
  public long expectedRows() {
    return options.rows();
  }

  @Override
  public VectorSchemaRoot root() {
    return root;
  }

  @Override
  public boolean next() throws IOException {
    long remaining = options.rows() - produced;
    if (remaining <= 0) {
      root.setRowCount(0);
      return false;
    }
    int n = (int) Math.min(options.batchSize(), remaining);
    prepare(n);
    // Rebuilt per batch (a handful of field reads) so it never holds buffers a consumer replaced.
    BatchFiller filler = new BatchFiller(root, n);
    int out = 0;
    while (out < n) {
      if (block == null || blockOffset == block.rows) {
        block = blocks.next();
        blockOffset = 0;
        if (block == null) {
          throw new IllegalStateException("blocks ended after " + (produced + out) + " of "
              + options.rows() + " rows");
        }
      }
      int take = Math.min(n - out, block.rows - blockOffset);
      filler.fill(block, blockOffset, take, out);
      blockOffset += take;
      out += take;
    }
    produced += n;
    root.setRowCount(n);
    return true;
  }

  /**
   * Makes every vector hold {@code n} rows, all valid, with {@code passed} all false. Buffers are
   * reused from batch to batch and reallocated only when too small (or released by a consumer).
   */
  private void prepare(int n) {
    for (FieldVector v : root.getFieldVectors()) {
      if (v.getValueCapacity() < n) {
        v.setInitialCapacity(options.batchSize());
        v.allocateNew();
      }
    }
    long validityBytes = BitVectorHelper.getValidityBufferSize(n);
    for (FieldVector v : root.getFieldVectors()) {
      v.getValidityBuffer().setOne(0L, validityBytes);
    }
    root.getVector(TestResultsSchema.PASSED).getDataBuffer().setZero(0L, validityBytes);
  }

  /** Releases the vectors and dictionaries and stops the background threads. */
  @Override
  public void close() {
    try {
      blocks.close();
    } finally {
      try {
        root.close();
      } finally {
        dictionaries.close();
      }
    }
  }
}
