package dev.wafer.adapter.exec;

import dev.wafer.adapter.arrow.MappedArrowFile;
import dev.wafer.adapter.table.TableColumn;
import dev.wafer.adapter.table.TableFile;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A file of a running scan: its column plan, and its mapping, opened by the first worker that
 * needs it and closed when its last morsel is done, so a scan over many files holds only the
 * files in flight.
 */
final class FileSlot implements AutoCloseable {
  final TableFile file;
  private final List<TableColumn> columns;
  private final int outputs;
  /** Made by the first worker that reads the file: a scan's files are planned in parallel, not before it starts. */
  private volatile FilePlan plan;
  private final AtomicInteger remaining;
  private MappedArrowFile arrow;
  private boolean closed;

  /**
   * @param columns scan columns: output columns, then columns only the predicate reads
   * @param outputs number of output columns
   */
  FileSlot(TableFile file, List<TableColumn> columns, int outputs, int morsels) {
    this.file = file;
    this.columns = columns;
    this.outputs = outputs;
    this.remaining = new AtomicInteger(morsels);
  }

  /**
   * How the scan's columns come out of this file.
   *
   * @throws ScanException when a partition value does not convert to its column's type
   */
  FilePlan plan() {
    FilePlan p = plan;
    if (p == null) {
      synchronized (this) {
        p = plan;
        if (p == null) {
          plan = p = new FilePlan(file, columns, outputs);
        }
      }
    }
    return p;
  }

  /** The file's mapping, opened on first use (counted in {@code opened}). */
  synchronized MappedArrowFile arrow(BufferAllocator allocator, long maxMapBytes, AtomicLong opened)
      throws IOException {
    if (closed) {
      throw new IOException(file.file().path() + ": file already closed by this scan");
    }
    if (arrow == null) {
      MappedArrowFile mapped = MappedArrowFile.open(file.file().path(), allocator, maxMapBytes);
      if (!mapped.hasSchema(file.schema())) {
        mapped.close();
        throw new IOException(file.file().path() + ": schema changed since the table was loaded;"
            + " reconnect to see the new files");
      }
      arrow = mapped;
      opened.incrementAndGet();
    }
    return arrow;
  }

  void morselDone() {
    if (remaining.decrementAndGet() == 0) {
      close();
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (arrow != null) {
      arrow.close();
      arrow = null;
    }
  }
}
