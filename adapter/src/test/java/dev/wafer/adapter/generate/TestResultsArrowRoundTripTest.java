package dev.wafer.adapter.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.dataset.RecordBatchSource;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batches are valid Arrow: written with Arrow's own IPC file writer (root + dictionaries, as
 * the source hands them out) and read back with its reader, they give the same rows.
 */
class TestResultsArrowRoundTripTest {

  @Test
  void plainArrowWriterAndReaderPreserveEveryRow(@TempDir Path dir) throws Exception {
    GeneratorOptions options = new GeneratorOptions(11L, 80_000, 30_000, 1);
    GeneratedRows expected = GeneratedRows.generate(options);
    Path file = dir.resolve("test_results.arrow");
    try (BufferAllocator allocator = new RootAllocator()) {
      try (TestResultsGenerator generator = new TestResultsGenerator(allocator, options);
          FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          ArrowFileWriter writer = new ArrowFileWriter(generator.root(), generator.dictionaries(), out)) {
        writer.start();
        while (generator.next()) {
          writer.writeBatch();
        }
        writer.end();
      }
      try (FileChannel in = FileChannel.open(file);
          ArrowFileReader reader = new ArrowFileReader(in, allocator)) {
        GeneratedRows read = GeneratedRows.collect(asSource(reader), 80_000);
        assertThat(read.batches).isEqualTo(3);
        assertThat(read.firstDifference(expected)).isEqualTo(-1);
        assertThat(reader.getVectorSchemaRoot().getSchema()).isEqualTo(TestResultsSchema.SCHEMA);
      }
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }

  private static RecordBatchSource asSource(ArrowFileReader reader) {
    return new RecordBatchSource() {
      @Override
      public Schema schema() {
        return root().getSchema();
      }

      @Override
      public DictionaryProvider dictionaries() {
        return reader;
      }

      @Override
      public boolean next() throws IOException {
        return reader.loadNextBatch();
      }

      @Override
      public VectorSchemaRoot root() {
        try {
          return reader.getVectorSchemaRoot();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }

      @Override
      public void close() {}
    };
  }
}
