package dev.wafer.bench;

import dev.wafer.adapter.dataset.DatasetWriter;
import dev.wafer.adapter.dataset.FileFormat;
import dev.wafer.adapter.dataset.PartitionSpec;
import dev.wafer.adapter.dataset.WriteOptions;
import dev.wafer.adapter.generate.GeneratorOptions;
import dev.wafer.adapter.generate.SpecsTable;
import dev.wafer.adapter.generate.TestResultsGenerator;
import dev.wafer.adapter.ingest.IngestFormat;
import dev.wafer.adapter.ingest.IngestJob;
import dev.wafer.adapter.ingest.IngestReport;
import dev.wafer.adapter.ingest.InputPaths;
import dev.wafer.adapter.ingest.parquet.ParquetIngester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Writes the benchmark data once per (rows, seed): the same generated rows as Arrow (for Wafer)
 * and as Parquet (for DuckDB), both partitioned by {@code test_date}; on request also the Parquet
 * copy ingested with {@code wafer ingest}'s Parquet path, as users' tables are made.
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

  /**
   * Root of the copy ingested from the Parquet copy under {@code parquetRoot} (both tables, the
   * results partitioned by {@code test_date}), ingesting it first when absent.
   */
  static Path ensureIngested(Path parquetRoot, long rows, long seed) throws IOException {
    Path root = parquetRoot.resolveSibling("ingested");
    if (Files.isDirectory(root.resolve("test_results")) && Files.isDirectory(root.resolve("specs"))) {
      return root;
    }
    System.out.printf("ingesting %,d rows from %s into %s%n", rows, parquetRoot, root);
    try (BufferAllocator allocator = new RootAllocator()) {
      for (String table : List.of("specs", "test_results")) {
        if (Files.isDirectory(root.resolve(table))) {
          continue; // a table is written atomically: one present is whole (an earlier run stopped after it)
        }
        List<Path> files = InputPaths.expand(List.of(parquetRoot.resolve(table).toString()),
            IngestFormat.PARQUET::accepts);
        IngestReport report = IngestJob.run(new ParquetIngester(), files,
            new IngestJob.Target(root, table, table.equals("specs") ? null : "test_date", WriteOptions.defaults(), 2),
            allocator, IngestJob.QUIET);
        if (!report.failures().isEmpty()) {
          throw new IOException("ingesting " + table + " for the benchmark failed: " + report.failures());
        }
      }
    }
    return root;
  }
}
