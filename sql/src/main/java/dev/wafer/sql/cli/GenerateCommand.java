package dev.wafer.sql.cli;

import dev.wafer.adapter.dataset.BalanceReport;
import dev.wafer.adapter.dataset.DatasetWriter;
import dev.wafer.adapter.dataset.FileFormat;
import dev.wafer.adapter.dataset.PartitionSpec;
import dev.wafer.adapter.dataset.PartitionSpecException;
import dev.wafer.adapter.dataset.RecordBatchSource;
import dev.wafer.adapter.dataset.WriteMode;
import dev.wafer.adapter.dataset.WriteOptions;
import dev.wafer.adapter.dataset.WriteResult;
import dev.wafer.adapter.generate.GeneratorOptions;
import dev.wafer.adapter.generate.SpecsTable;
import dev.wafer.adapter.generate.TestResultsGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wafer generate}: writes the seed's synthetic test results and specs as Wafer tables. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Generate the synthetic test_results and specs tables (deterministic per seed).")
public final class GenerateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", required = true, description = "Dataset root directory to write.")
  Path out;

  @Option(names = "--rows", defaultValue = "1000000", description = "Rows of test_results. Default: ${DEFAULT-VALUE}.")
  long rows;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--partition-by", defaultValue = "test_date", description = {
      "Partition spec of test_results. Default: ${DEFAULT-VALUE}.",
      "Forms: COLUMN (list), COLUMN:day, COLUMN:month, COLUMN:range(b1,b2,...), COLUMN:hash(N),",
      "comma-separated to combine (e.g. test_date,wafer_id:hash(4)); 'none' for no partitioning."})
  String partitionBy;

  @Option(names = "--format", defaultValue = "arrow", description = "arrow or parquet. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--mode", defaultValue = "create",
      description = "create (fail if the table exists), append or overwrite. Default: ${DEFAULT-VALUE}.")
  String mode;

  @Option(names = "--batch-rows", defaultValue = "131072", description = "Rows per record batch. Default: ${DEFAULT-VALUE}.")
  int batchRows;

  @Option(names = "--max-file-mb", defaultValue = "512", description = "Roll to a new file at this size. Default: ${DEFAULT-VALUE}.")
  long maxFileMb;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    WriteOptions options;
    try {
      if (rows < 0) {
        throw new IllegalArgumentException("--rows must be >= 0");
      }
      options = WriteOptions.defaults()
          .withFormat(FileFormat.parse(format))
          .withMode(WriteMode.parse(mode))
          .withBatchRows(batchRows)
          .withMaxFileBytes(Math.min(maxFileMb << 20, (1L << 31) - 1));
    } catch (IllegalArgumentException e) {
      err.println("wafer generate: " + e.getMessage());
      return 2;
    }
    GeneratorOptions config = GeneratorOptions.defaults().withRows(rows).withSeed(seed)
        .withBatchSize(batchRows);
    try (BufferAllocator allocator = new RootAllocator()) {
      long start = System.nanoTime();
      WriteResult results;
      try (TestResultsGenerator gen = new TestResultsGenerator(allocator, config)) {
        PartitionSpec partitioning;
        try {
          partitioning = PartitionSpec.parse(partitionBy, gen.schema());
        } catch (PartitionSpecException e) {
          err.println("wafer generate: " + e.getMessage());
          return 2;
        }
        try (Progress progress = Progress.start("generate", rows, quiet, err)) {
          results = DatasetWriter.write(out, gen.tableName(), gen, partitioning,
              gen.derivations(), options, allocator, progress::update);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      try (RecordBatchSource specs = new SpecsTable(allocator)) {
        // specs is a dimension of the generator's tests: replaced, never appended to twice
        WriteMode specsMode = options.mode() == WriteMode.CREATE ? WriteMode.CREATE : WriteMode.OVERWRITE;
        DatasetWriter.write(out, SpecsTable.TABLE, specs, PartitionSpec.UNPARTITIONED, List.of(),
            options.withMode(specsMode), allocator, n -> {});
      }
      stdout.print(BalanceReport.of(results).format());
      stdout.printf(Locale.ROOT, "wrote %d rows to %s in %.2f s: %.0f rows/s, %.1f bytes/row%n",
          results.rows(), out.resolve(results.table()), seconds,
          results.rows() / Math.max(seconds, 1e-9),
          results.rows() == 0 ? 0.0 : (double) results.bytes() / results.rows());
    }
    return 0;
  }
}
