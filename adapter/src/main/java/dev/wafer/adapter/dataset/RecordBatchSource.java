package dev.wafer.adapter.dataset;

import java.io.IOException;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A stream of record batches to be written: the generator, ingest readers and tests produce
 * one, the {@code DatasetWriter} consumes it. Dictionary-encoded fields carry index vectors in
 * {@link #root()}; their dictionaries are fixed for the whole stream and come from {@link
 * #dictionaries()} (Arrow's IPC file format cannot replace a dictionary mid-file).
 */
public interface RecordBatchSource extends AutoCloseable {

  /** Schema of every batch. */
  Schema schema();

  /** Dictionaries of the dictionary-encoded fields of {@link #schema()}. */
  DictionaryProvider dictionaries();

  /**
   * Loads the next batch into {@link #root()}.
   *
   * @return false when the stream is exhausted
   */
  boolean next() throws IOException;

  /** The batch last loaded by {@link #next()}; the same object on every call. */
  VectorSchemaRoot root();

  /** Total rows the stream will produce, or -1 when unknown (for progress bars). */
  default long expectedRows() {
    return -1;
  }

  /** Releases every Arrow buffer the source holds. */
  @Override
  void close();
}
