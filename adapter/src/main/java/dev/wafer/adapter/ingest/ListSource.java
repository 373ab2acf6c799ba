package dev.wafer.adapter.ingest;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.dataset.RecordBatchSource;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A small in-memory table (parts, bins: a row per record of a file, not per result) as a
 * stream of batches. Each row is written by a {@link RowWriter}, one call per row, which is
 * fine at this size.
 *
 * @param <T> the row type
 */
public final class ListSource<T> implements RecordBatchSource {
  /** Writes one row into the vectors of {@code root} at index {@code row}. */
  public interface RowWriter<T> {
    void write(T value, VectorSchemaRoot root, int row);
  }

  private static final int BATCH = 64 * 1024;

  private final Schema schema;
  private final List<T> rows;
  private final RowWriter<T> writer;
  private final VectorSchemaRoot root;
  private final DictionaryProvider.MapDictionaryProvider noDictionaries =
      new DictionaryProvider.MapDictionaryProvider();
  private int next;

  public ListSource(Schema schema, List<T> rows, RowWriter<T> writer, BufferAllocator allocator) {
    this.schema = requireNonNull(schema, "schema");
    this.rows = List.copyOf(rows);
    this.writer = requireNonNull(writer, "writer");
    this.root = VectorSchemaRoot.create(schema, requireNonNull(allocator, "allocator"));
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public DictionaryProvider dictionaries() {
    return noDictionaries;
  }

  @Override
  public long expectedRows() {
    return rows.size();
  }

  @Override
  public VectorSchemaRoot root() {
    return root;
  }

  @Override
  public boolean next() {
    root.clear();
    root.allocateNew();
    int n = Math.min(BATCH, rows.size() - next);
    for (int i = 0; i < n; i++) {
      writer.write(rows.get(next + i), root, i);
    }
    next += n;
    root.setRowCount(n);
    return n > 0;
  }

  @Override
  public void close() {
    root.close();
  }
}
