package dev.wafer.sql.cli;

import dev.wafer.adapter.dataset.BalanceReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wafer partitions}: the balance report of a table's partitions. */
@Command(name = "partitions", mixinStandardHelpOptions = true,
    description = "Print rows and MB per partition of a table, with min, max, stddev and skew.")
public final class PartitionsCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--data", required = true, description = "Dataset root directory.")
  Path data;

  @Option(names = "--table", defaultValue = "test_results",
      description = "Table (a directory under the root). Default: ${DEFAULT-VALUE}.")
  String table;

  @Override
  public Integer call() throws Exception {
    Path dir = data.resolve(table);
    if (!Files.isDirectory(dir)) {
      spec.commandLine().getErr().println("wafer partitions: no table '" + table + "' under " + data);
      return 2;
    }
    try (BufferAllocator allocator = new RootAllocator()) {
      spec.commandLine().getOut().print(BalanceReport.of(dir, allocator).format());
    }
    return 0;
  }
}
