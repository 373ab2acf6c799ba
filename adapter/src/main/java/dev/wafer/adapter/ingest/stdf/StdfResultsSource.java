package dev.wafer.adapter.ingest.stdf;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.dataset.RecordBatchSource;
import dev.wafer.adapter.ingest.CompressedInput;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The {@code test_results} rows of one STDF file as a stream of record batches
 * ({@link StdfSchemas#TEST_RESULTS}). A batch ends at the first part boundary after {@code
 * batchRows} rows, so it may be a part's worth larger. Bad input fails {@link #next()} with an
 * {@link dev.wafer.adapter.ingest.IngestException}; callers that must not publish part of a
 * file scan it first with {@link StdfFiles#scan}.
 */
public final class StdfResultsSource implements RecordBatchSource {
  public static final int DEFAULT_BATCH_ROWS = 64 * 1024;

  private final StdfReader reader;
  private final StdfConverter converter;
  private final VectorSchemaRoot root;
  private final ResultRowsWriter rows;
  private final DictionaryProvider.MapDictionaryProvider noDictionaries =
      new DictionaryProvider.MapDictionaryProvider();
  private final int batchRows;
  private final long expectedRows;
  private boolean ended;

  /**
   * Opens a file (plain, .gz or .bz2).
   *
   * @param expectedRows rows the file holds if known from a scan, else -1
   */
  public StdfResultsSource(Path file, BufferAllocator allocator, int batchRows, long expectedRows)
      throws IOException {
    requireNonNull(file, "file");
    requireNonNull(allocator, "allocator");
    if (batchRows < 1) {
      throw new IllegalArgumentException("batchRows must be positive: " + batchRows);
    }
    this.batchRows = batchRows;
    this.expectedRows = expectedRows;
    this.reader = new StdfReader(file, CompressedInput.open(file));
    VectorSchemaRoot created = null;
    try {
      created = VectorSchemaRoot.create(StdfSchemas.TEST_RESULTS, allocator);
      this.rows = new ResultRowsWriter(created);
      this.converter = new StdfConverter(file, rows);
    } catch (RuntimeException e) {
      if (created != null) {
        created.close();
      }
      reader.close();
      throw e;
    }
    this.root = created;
  }

  @Override
  public Schema schema() {
    return StdfSchemas.TEST_RESULTS;
  }

  @Override
  public DictionaryProvider dictionaries() {
    return noDictionaries;
  }

  @Override
  public long expectedRows() {
    return expectedRows;
  }

  @Override
  public VectorSchemaRoot root() {
    return root;
  }

  @Override
  public boolean next() throws IOException {
    rows.reset();
    while (!ended && rows.rows() < batchRows) {
      StdfRecord r = reader.next();
      if (r == null) {
        ended = true;
      } else {
        converter.accept(r);
      }
    }
    rows.finish();
    return rows.rows() > 0;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      // nothing was written through the reader; a failed close loses nothing
    } finally {
      root.close();
    }
  }
}
