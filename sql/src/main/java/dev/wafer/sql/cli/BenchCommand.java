package dev.wafer.sql.cli;

import dev.wafer.adapter.dataset.BalanceReport;
import dev.wafer.adapter.dataset.DatasetWriter;
import dev.wafer.adapter.dataset.PartitionSpec;
import dev.wafer.adapter.dataset.TableSource;
import dev.wafer.adapter.dataset.WriteMode;
import dev.wafer.adapter.dataset.WriteOptions;
import dev.wafer.adapter.dataset.WriteResult;
import dev.wafer.adapter.generate.GeneratorOptions;
import dev.wafer.adapter.generate.TestResultsGenerator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wafer bench}: the seed notebook's partition sweep. Re-partitions a table by hash into
 * 2, 4, … 64 partitions, times a query on each layout through the JDBC driver (warm-up, then
 * the median of several runs), and draws time and throughput against the partition count.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Partition sweep: time a query over hash layouts of 2..64 partitions and chart it.")
public final class BenchCommand implements Callable<Integer> {
  static final String DEFAULT_QUERY =
      "SELECT wafer_id, COUNT(*) AS n FROM test_results GROUP BY wafer_id";
  static final String SCAN_QUERY = "SELECT SUM(test_value) FROM test_results";

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--data", description = "Dataset root holding the table; generated when omitted.")
  Path data;

  @Option(names = "--table", defaultValue = "test_results")
  String table;

  @Option(names = "--rows", defaultValue = "1000000", description = "Rows to generate without --data. Default: ${DEFAULT-VALUE}.")
  long rows;

  @Option(names = "--key", defaultValue = "device_id", description = "Hash key. Default: ${DEFAULT-VALUE}.")
  String key;

  @Option(names = "--partitions", split = ",", defaultValue = "2,4,8,16,32,64")
  List<Integer> partitionCounts;

  @Option(names = "--query", defaultValue = DEFAULT_QUERY, description = "Query to time. Default: count by wafer.")
  String query;

  @Option(names = "--runs", defaultValue = "5")
  int runs;

  @Option(names = "--warmup", defaultValue = "2")
  int warmup;

  @Option(names = "--threads", defaultValue = "0", description = "Scan threads (0: all cores).")
  int threads;

  @Option(names = "--out", defaultValue = "bench-out", description = "Directory for layouts and PNG charts.")
  Path out;

  /** Measurements of one layout. */
  record Point(int partitions, BalanceReport balance, double totalMs, double scanMs) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter console = spec.commandLine().getOut();
    Files.createDirectories(out);
    List<Point> points = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator()) {
      Path source = data != null ? data.resolve(table) : generate(allocator, console);
      for (int n : partitionCounts) {
        Path root = out.resolve("hash" + n);
        WriteResult written;
        try (TableSource src = TableSource.open(source, allocator)) {
          written = DatasetWriter.write(root, table, src,
              PartitionSpec.parse(key + ":hash(" + n + ")", src.schema()), List.of(),
              WriteOptions.defaults().withMode(WriteMode.OVERWRITE), allocator, x -> {});
        }
        BalanceReport balance = BalanceReport.of(written);
        String url = "jdbc:wafer:" + root.toAbsolutePath() + (threads > 0 ? ";threads=" + threads : "");
        double total = median(url, query.replace("test_results", table));
        double scan = median(url, SCAN_QUERY.replace("test_results", table));
        points.add(new Point(n, balance, total, scan));
        console.printf(Locale.ROOT, "%3d partitions: query %8.1f ms  scan %8.1f ms  %12.0f rows/s  "
                + "rows/partition min %d max %d stddev %.1f skew %.1f%%%n", n, total, scan,
            balance.totalRows() / (total / 1e3), balance.minRows(), balance.maxRows(),
            balance.stddevRows(), balance.skewPercent());
      }
    }
    Point best = Collections.min(points, (a, b) -> Double.compare(a.totalMs(), b.totalMs()));
    console.printf("best: %d partitions (%.1f ms median)%n", best.partitions(), best.totalMs());
    PartitionSweepCharts.write(out, points);
    console.println("charts: " + out.resolve(PartitionSweepCharts.TIME_PNG) + ", "
        + out.resolve(PartitionSweepCharts.THROUGHPUT_PNG));
    return 0;
  }

  private Path generate(BufferAllocator allocator, PrintWriter console) throws Exception {
    Path root = out.resolve("source");
    console.printf("generating %,d rows under %s%n", rows, root);
    try (TestResultsGenerator gen = new TestResultsGenerator(allocator,
        GeneratorOptions.defaults().withRows(rows))) {
      DatasetWriter.write(root, gen.tableName(), gen, PartitionSpec.UNPARTITIONED,
          gen.derivations(), WriteOptions.defaults().withMode(WriteMode.OVERWRITE), allocator, x -> {});
    }
    return root.resolve("test_results");
  }

  private double median(String url, String sql) throws Exception {
    List<Double> ms = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      for (int i = 0; i < warmup + runs; i++) {
        long t0 = System.nanoTime();
        try (ResultSet rs = s.executeQuery(sql)) {
          while (rs.next()) {
            rs.getObject(1);
          }
        }
        if (i >= warmup) {
          ms.add((System.nanoTime() - t0) / 1e6);
        }
      }
    }
    Collections.sort(ms);
    int n = ms.size();
    return n % 2 == 1 ? ms.get(n / 2) : (ms.get(n / 2 - 1) + ms.get(n / 2)) / 2;
  }
}
