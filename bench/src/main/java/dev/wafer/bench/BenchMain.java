package dev.wafer.bench;

import dev.wafer.adapter.dataset.FileFormat;
import dev.wafer.adapter.exec.ScanExecution;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench/run.sh}: Wafer (rules on and off) against DuckDB on the same generated rows. */
@Command(name = "bench/run.sh", mixinStandardHelpOptions = true,
    description = "Compare Wafer with DuckDB on generated test results; writes docs/BENCHMARKS.md.")
public final class BenchMain implements Callable<Integer> {
  @Option(names = "--rows", defaultValue = "10000000", description = "Rows. Default: ${DEFAULT-VALUE}.")
  long rows;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Option(names = "--threads", defaultValue = "2", description = "Threads for every engine. Default: ${DEFAULT-VALUE}.")
  int threads;

  @Option(names = "--warmup", defaultValue = "2")
  int warmup;

  @Option(names = "--runs", defaultValue = "5")
  int runs;

  @Option(names = "--data", defaultValue = "bench/out/data", description = "Where generated data is kept.")
  Path data;

  @Option(names = "--report", defaultValue = "docs/BENCHMARKS.md")
  Path report;

  @Option(names = "--order", defaultValue = "interleaved",
      description = "interleaved (each round runs every engine once) or consecutive (each engine runs "
          + "all its runs back to back: its steady state). Default: ${DEFAULT-VALUE}.")
  String order;

  @Option(names = "--warmup-seconds", defaultValue = "0",
      description = "The least time each query warms up for (interleaved: all engines; consecutive: "
          + "each engine), beyond --warmup runs. Default: ${DEFAULT-VALUE}.")
  double warmupSeconds;

  @Option(names = "--jit-quiet-seconds", defaultValue = "30",
      description = "Warm-up then goes on until 3 warm-up rounds in a row each compile under 2 ms of JIT time, for "
          + "at most this many seconds per query (0: no such wait). Default: ${DEFAULT-VALUE}.")
  double jitQuietSeconds;

  @Option(names = "--settle-ms", defaultValue = "1000",
      description = "Before each timed run, wait until the JVM's threads (JIT and GC included) use under 5% of a "
          + "core over 10 ms, for at most this many ms (0: no wait). Default: ${DEFAULT-VALUE}.")
  long settleMillis;

  @Option(names = "--queries", split = ",", description = "Only these queries (names).")
  List<String> only;

  @Option(names = "--engines", split = ",",
      defaultValue = "duckdb_parquet,duckdb_memory,wafer,wafer_rules_off,wafer_1t",
      description = "Engines, the first is the reference. Default: ${DEFAULT-VALUE}.")
  List<String> engineNames;

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (!order.equals("interleaved") && !order.equals("consecutive")) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "unknown order '" + order + "'; valid: interleaved, consecutive");
    }
    Path arrow = DataPrep.ensure(data, rows, seed, FileFormat.ARROW);
    Path parquet = DataPrep.ensure(data, rows, seed, FileFormat.PARQUET);
    List<BenchQuery> queries = new ArrayList<>();
    for (BenchQuery q : QuerySuite.all()) {
      if (only == null || only.contains(q.name())) {
        queries.add(q);
      }
    }
    List<Engine> engines = new ArrayList<>();
    String duckVersion = "?";
    try {
      for (String name : engineNames) {
        Engine e = switch (name) {
          case "wafer" -> Engine.wafer(arrow, threads, true);
          case "wafer_rules_off" -> Engine.wafer(arrow, threads, false);
          case "wafer_1t" -> Engine.waferOneThread(arrow);
          case "wafer_ingested" -> Engine.waferIngested(DataPrep.ensureIngested(parquet, rows, seed), threads);
          case "duckdb_parquet" -> Engine.duckdbParquet(parquet, threads);
          case "duckdb_memory" -> Engine.duckdbMemory(parquet, threads);
          case "duckdb_parquet_1t" -> Engine.duckdbParquetOneThread(parquet);
          default -> throw new CommandLine.ParameterException(new CommandLine(this),
              "unknown engine '" + name + "'; valid: wafer, wafer_rules_off, wafer_1t, wafer_ingested, duckdb_parquet,"
                  + " duckdb_memory, duckdb_parquet_1t");
        };
        engines.add(e);
        if (name.startsWith("duckdb")) {
          duckVersion = e.connection().getMetaData().getDatabaseProductVersion();
        }
      }
      Map<String, QueryOutcome> results = new BenchRunner(engines, warmup, runs, order.equals("consecutive"),
          warmupSeconds, jitQuietSeconds, settleMillis, seed,
          threads > 1 ? new TwoThreadCeiling.Sampler(ScanExecution.workerExecutor()) : null).run(queries);
      Roofline.Result roofline = Roofline.measure((int) Math.min(rows, 50_000_000L), 50, warmup, runs);
      // two threads, as many 2 ms shares as a short query's, after a pause like the other engines' turns
      ParallelStart.Result start = threads > 1 ? ParallelStart.measure(2.0, 20, 200) : null;
      ParallelStart.Result pinnedStart = threads > 1 && ScanExecution.workersPinned()
          ? ParallelStart.measure(2.0, 20, 200, ScanExecution.workerExecutor()) : null;
      List<TwoThreadCeiling.Result> ceilings = threads > 1
          ? List.of(TwoThreadCeiling.cacheResident(ScanExecution.workerExecutor(), 15),
              TwoThreadCeiling.streaming(ScanExecution.workerExecutor(), 15))
          : List.of();
      String versions = "Calcite 1.42.0, Arrow Java 18.3.0, DuckDB " + duckVersion
          + ", Java " + System.getProperty("java.version");
      String command = "bench/run.sh --rows " + rows + " --threads " + threads
          + " --runs " + runs + " --warmup " + warmup
          + " --engines " + String.join(",", engineNames)
          + (order.equals("interleaved") ? "" : " --order " + order)
          + (warmupSeconds > 0 ? " --warmup-seconds " + warmupSeconds : "")
          + (jitQuietSeconds != 30 ? " --jit-quiet-seconds " + jitQuietSeconds : "")
          + (settleMillis != 1000 ? " --settle-ms " + settleMillis : "")
          + (only == null ? "" : " --queries " + String.join(",", only))
          + (report.toString().equals("docs/BENCHMARKS.md") ? "" : " --report " + report);
      BenchReport.write(report, report.toAbsolutePath().getParent().resolve("bench"),
          new BenchReport.Context(command, rows, threads, warmup, runs, order.equals("consecutive"), engineNames,
              roofline, start, pinnedStart, ceilings, versions, jitQuietSeconds, settleMillis),
          results);
      System.out.println("wrote " + report);
      return 0;
    } finally {
      for (Engine e : engines) {
        e.close();
      }
    }
  }
}
