package dev.wafer.adapter.dataset;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.dataset.file.DatasetFileWriter;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;

/**
 * Rewrites a finished Arrow IPC file as Parquet through Arrow Dataset's writer, which also
 * records Parquet's own row-group statistics (min, max, null count). Used for {@code --format
 * parquet}: rows are buffered and batched exactly as for Arrow output, then converted file by
 * file, so memory stays bounded.
 */
final class ParquetConverter {
  private ParquetConverter() {}

  /** Converts {@code arrowFile} into a sibling {@code .parquet} file and deletes the original. */
  static Path convert(Path arrowFile, BufferAllocator allocator) throws IOException {
    String name = arrowFile.getFileName().toString();
    String base = name.substring(0, name.length() - FileFormat.ARROW.extension().length());
    Path tmpDir = arrowFile.resolveSibling("." + base + ".parquet-tmp");
    Path target = arrowFile.resolveSibling(base + FileFormat.PARQUET.extension());
    try (BufferAllocator conversion = allocator.newChildAllocator("parquet-" + base, 0, Long.MAX_VALUE)) {
      try (FileChannel ch = FileChannel.open(arrowFile);
          ArrowFileReader reader = new ArrowFileReader(ch, conversion)) {
        DatasetFileWriter.write(conversion, reader,
            org.apache.arrow.dataset.file.FileFormat.PARQUET, tmpDir.toUri().toString(),
            new String[0], 1, base + "-{i}" + FileFormat.PARQUET.extension());
      }
      awaitReleased(conversion);
    } catch (RuntimeException e) {
      TableTransaction.deleteRecursively(tmpDir);
      throw new IOException("writing Parquet for " + arrowFile + ": " + e.getMessage(), e);
    }
    List<Path> produced;
    try (Stream<Path> s = Files.list(tmpDir)) {
      produced = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList();
    }
    if (produced.size() != 1) {
      throw new IOException("Arrow Dataset wrote " + produced.size() + " Parquet files for " + arrowFile);
    }
    Files.move(produced.get(0), target, StandardCopyOption.ATOMIC_MOVE);
    TableTransaction.deleteRecursively(tmpDir);
    Files.delete(arrowFile);
    return target;
  }

  /**
   * Waits (at most a second) until the native writer has released the last exported buffers:
   * the C stream's final release can come from a native thread just after the write returned,
   * and closing the allocator before it reports a leak that is not one.
   */
  private static void awaitReleased(BufferAllocator conversion) {
    long deadline = System.nanoTime() + 1_000_000_000L;
    while (conversion.getAllocatedMemory() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
