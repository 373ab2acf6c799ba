package dev.wafer.adapter.arrow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.arrow.dataset.file.FileFormat;
import org.apache.arrow.dataset.file.FileSystemDatasetFactory;
import org.apache.arrow.dataset.jni.NativeMemoryPool;
import org.apache.arrow.dataset.scanner.ScanOptions;
import org.apache.arrow.dataset.scanner.Scanner;
import org.apache.arrow.dataset.source.Dataset;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One Parquet file read through Arrow Dataset (JNI), with a column projection so unread columns
 * are never decoded. Batches arrive in {@link #reader()}; closing releases the native scanner and
 * every buffer it handed out.
 */
public final class ParquetScan implements AutoCloseable {
  /** Rows per batch Arrow Dataset produces; the Parquet row group is read in slices of this. */
  public static final int BATCH_ROWS = 65_536;

  private final FileSystemDatasetFactory factory;
  private final Dataset dataset;
  private final Scanner scanner;
  private final ArrowReader reader;

  private ParquetScan(FileSystemDatasetFactory factory, Dataset dataset, Scanner scanner) {
    this.factory = factory;
    this.dataset = dataset;
    this.scanner = scanner;
    this.reader = scanner.scanBatches();
  }

  /**
   * Opens a scan of the given columns (all when null).
   *
   * @throws IOException naming the file when Arrow Dataset cannot read it
   */
  public static ParquetScan open(Path path, BufferAllocator allocator, String[] columns) throws IOException {
    FileSystemDatasetFactory factory = null;
    Dataset dataset = null;
    try {
      factory = factory(path, allocator);
      dataset = factory.finish();
      Scanner scanner = dataset.newScan(new ScanOptions(BATCH_ROWS, Optional.ofNullable(columns)));
      return new ParquetScan(factory, dataset, scanner);
    } catch (RuntimeException e) {
      closeQuietly(dataset);
      closeQuietly(factory);
      throw new IOException(path + ": cannot read Parquet file: " + e.getMessage(), e);
    }
  }

  /** The Arrow schema of a Parquet file. */
  public static Schema schema(Path path, BufferAllocator allocator) throws IOException {
    try (FileSystemDatasetFactory factory = factory(path, allocator)) {
      return factory.inspect();
    } catch (RuntimeException e) {
      throw new IOException(path + ": cannot read Parquet file: " + e.getMessage(), e);
    }
  }

  /** Counts the rows of a Parquet file by scanning it with no columns. */
  public static long countRows(Path path, BufferAllocator allocator) throws IOException {
    long rows = 0;
    try (ParquetScan scan = open(path, allocator, new String[0])) {
      while (scan.reader.loadNextBatch()) {
        rows += scan.reader.getVectorSchemaRoot().getRowCount();
      }
    } catch (RuntimeException e) {
      throw new IOException(path + ": cannot read Parquet file: " + e.getMessage(), e);
    }
    return rows;
  }

  private static FileSystemDatasetFactory factory(Path path, BufferAllocator allocator) {
    return new FileSystemDatasetFactory(allocator, NativeMemoryPool.getDefault(), FileFormat.PARQUET,
        path.toUri().toString());
  }

  public ArrowReader reader() {
    return reader;
  }

  @Override
  public void close() {
    closeQuietly(reader);
    closeQuietly(scanner);
    closeQuietly(dataset);
    closeQuietly(factory);
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      // releasing native resources of a finished scan; nothing left to report to the query
    }
  }
}
