package dev.wafer.bench;

import dev.wafer.adapter.dataset.DatasetWriter;
import dev.wafer.adapter.dataset.FileFormat;
import dev.wafer.adapter.dataset.PartitionSpec;
import dev.wafer.adapter.dataset.WriteOptions;
import dev.wafer.adapter.generate.GeneratorOptions;
import dev.wafer.adapter.generate.SpecsTable;
import dev.wafer.adapter.generate.TestResultsGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Writes the benchmark data once per (rows, seed): the same generated rows as Arrow (for Wafer)
 * and as Parquet (for DuckDB), both partitioned by {@code test_date}.
 */
final class DataPrep {
  private DataPrep() {}

  /** Root of the copy in {@code format}, generating it first when absent. */
  static Path ensure(Path base, long rows, long seed, FileFormat format) throws IOException {
    Path root = base.resolve("rows-" + rows + "-seed-" + seed).resolve(format.name().toLowerCase());
    if (Files.isDirectory(root.resolve("test_results")) && Files.isDirectory(root.resolve("specs"))) {
      return root;
    }
    System.out.printf("generating %,d rows as %s under %s%n", rows, format, root);
    WriteOptions options = WriteOptions.defaults().withFormat(format);
    try (BufferAllocator allocator = new RootAllocator()) {
      GeneratorOptions g = GeneratorOptions.defaults().withRows(rows).withSeed(seed);
      try (TestResultsGenerator gen = new TestResultsGenerator(allocator, g)) {
        DatasetWriter.write(root, gen.tableName(), gen, PartitionSpec.parse("test_date", gen.schema()),
            gen.derivations(), options, allocator, n -> {});
      }
      try (SpecsTable specs = new SpecsTable(allocator)) {
        DatasetWriter.write(root, SpecsTable.TABLE, specs, PartitionSpec.UNPARTITIONED, List.of(),
            options, allocator, n -> {});
      }
    }
    return root;
  }
}
