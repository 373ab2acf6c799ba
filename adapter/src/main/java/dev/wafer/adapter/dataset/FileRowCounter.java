package dev.wafer.adapter.dataset;

import java.io.IOException;
import java.nio.channels.FileChannel;
import org.apache.arrow.dataset.file.FileSystemDatasetFactory;
import org.apache.arrow.dataset.jni.NativeMemoryPool;
import org.apache.arrow.dataset.scanner.ScanOptions;
import org.apache.arrow.dataset.scanner.Scanner;
import org.apache.arrow.dataset.source.Dataset;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;

/**
 * Row and batch counts of a data file, from Wafer's footer statistics when present (no data is
 * read), otherwise by loading the file's batches (Arrow) or scanning it (Parquet).
 */
public final class FileRowCounter {
  /** Rows and record batches (Parquet: scan batches) of a file. */
  public record Counts(long rows, int batches) {}

  private FileRowCounter() {}

  public static Counts count(DataFile file, BufferAllocator allocator) throws IOException {
    try {
      return file.format() == FileFormat.ARROW ? arrow(file, allocator) : parquet(file, allocator);
    } catch (IOException | RuntimeException e) {
      throw new IOException(file.path() + ": cannot read row count: " + e.getMessage(), e);
    }
  }

  private static Counts arrow(DataFile file, BufferAllocator allocator) throws IOException {
    try (FileChannel ch = FileChannel.open(file.path());
        ArrowFileReader reader = new ArrowFileReader(ch, allocator)) {
      String stats = reader.getMetaData().get(FileStats.FOOTER_KEY);
      if (stats != null) {
        FileStats fs = StatsCodec.decode(stats, reader.getVectorSchemaRoot().getSchema());
        return new Counts(fs.file().rows(), fs.batches().size());
      }
      long rows = 0;
      int batches = 0;
      for (ArrowBlock block : reader.getRecordBlocks()) {
        reader.loadRecordBatch(block);
        rows += reader.getVectorSchemaRoot().getRowCount();
        batches++;
      }
      return new Counts(rows, batches);
    }
  }

  private static Counts parquet(DataFile file, BufferAllocator allocator) throws IOException {
    try (FileSystemDatasetFactory factory = new FileSystemDatasetFactory(allocator,
            NativeMemoryPool.getDefault(), org.apache.arrow.dataset.file.FileFormat.PARQUET,
            file.path().toUri().toString());
        Dataset dataset = factory.finish();
        Scanner scanner = dataset.newScan(new ScanOptions(1 << 16, java.util.Optional.of(new String[0])));
        ArrowReader reader = scanner.scanBatches()) {
      long rows = 0;
      int batches = 0;
      while (reader.loadNextBatch()) {
        rows += reader.getVectorSchemaRoot().getRowCount();
        batches++;
      }
      return new Counts(rows, batches);
    } catch (Exception e) {
      throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
  }
}
