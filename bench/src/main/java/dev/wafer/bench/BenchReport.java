package dev.wafer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** Writes {@code docs/BENCHMARKS.md} and the comparison chart from one run's results. */
final class BenchReport {
  private BenchReport() {}

  record Context(String command, long rows, int threads, int warmup, int runs, boolean consecutive,
      List<String> engines,
      Roofline.Result roofline, ParallelStart.Result parallelStart, ParallelStart.Result pinnedStart,
      List<TwoThreadCeiling.Result> ceilings, String versions, double jitQuietSeconds, long settleMillis) {}

  static void write(Path markdown, Path chartDir, Context ctx,
      Map<String, QueryOutcome> results) throws IOException {
    Files.createDirectories(chartDir);
    // one chart per run order: a consecutive run must not overwrite the interleaved report's chart
    String chartName = "engines-" + ctx.rows() + (ctx.consecutive() ? "-consecutive" : "") + ".png";
    chart(chartDir.resolve(chartName), ctx, results);
    StringBuilder md = new StringBuilder();
    md.append("# Benchmarks\n\n")
        .append("Produced by `").append(ctx.command()).append("` on ").append(LocalDate.now())
        .append(". Every engine's answer is checked against the first engine's before its time "
            + "counts; times are medians of ").append(ctx.runs()).append(" runs after ")
        .append(ctx.warmup()).append(" or more warm-up runs, in milliseconds, [min–max]. ")
        .append(ctx.consecutive() ? "Runs are consecutive: each engine runs its warm-ups and runs back to "
            + "back (its steady state). " : "Runs are interleaved: each round runs every engine once, in "
            + "an order shuffled per round, so that no engine always follows the same one. ")
        .append(ctx.jitQuietSeconds() > 0 ? String.format(Locale.ROOT, "A suite warm-up first runs every "
            + "query %d times on every engine; then each query's warm-up goes on until %d warm-up "
            + "rounds in a row compile under %d ms of JIT time each (at most %.0f s per query): on 2 cores the JIT's "
            + "threads take a core from a 2-thread query. Column 'warm-ups, JIT ms in runs' shows how "
            + "many warm-up rounds that took, and how much the JIT still compiled during the timed runs.",
            ctx.warmup(), BenchRunner.QUIET_STEPS, BenchRunner.QUIET_JIT_MILLIS, ctx.jitQuietSeconds()) : "")
        .append(ctx.settleMillis() > 0 ? String.format(Locale.ROOT, " Each timed run first waits until the "
            + "JVM's threads, the JIT's and the GC's included, use under %.0f%% of a core over %d ms (at most %d ms): "
            + "work one engine's run leaves behind would otherwise take the next run's second core. Column "
            + "'idle wait ms, runs started busy' gives the wait, all runs together, and the runs that started "
            + "with the JVM still busy.", ProcessQuiet.IDLE_SHARE * 100, ProcessQuiet.WINDOW_MILLIS,
            ctx.settleMillis()) : "")
        .append(" Column 'two-thread ceiling in runs' is the L1-resident probe described below, taken once after "
            + "each timed round of the query: what two threads could get on this machine while that query was "
            + "timed, next to its thread speedups. Column 'streaming two-thread ceiling in runs' is the streaming "
            + "probe, taken at the same moments: what a second thread got of the memory bandwidth then, which "
            + "bounds a scan that streams its columns from memory.")
        .append(" Column 'major page faults in runs' counts the pages each engine's timed runs read from disk on "
            + "first touch: Wafer maps its files, so a run that faults found its columns evicted from the page "
            + "cache and measured the disk (DuckDB reads with system calls, which do not fault).")
        .append("\n\n")
        .append("- Machine: ").append(MachineInfo.cpu()).append(", ").append(MachineInfo.cores())
        .append(" cores, ").append(MachineInfo.memory()).append(" RAM; shared and noisy.\n")
        .append("- Rows: ").append(String.format(Locale.ROOT, "%,d", ctx.rows()))
        .append("; threads: ").append(ctx.threads()).append(" for every engine.\n")
        .append("- Versions: ").append(ctx.versions()).append("\n")
        .append(String.format(Locale.ROOT, "- Peak heap %.0f MB, peak RSS %s (one JVM holds all engines).%n",
            MachineInfo.peakHeapMb(), MachineInfo.peakRss()))
        .append(String.format(Locale.ROOT, "- Roofline: grouped sum of one double by an int key over "
                + "Java arrays, 1 thread, %,d rows: %.1f ms median (%.1f GB/s).%n",
            ctx.roofline().rows(), ctx.roofline().timing().median(),
            ctx.roofline().bytesPerSecond() / 1e9));
    ParallelStart.Result start = ctx.parallelStart();
    if (start != null) {
      md.append(String.format(Locale.ROOT, "- Parallel start: the query thread wakes a parked thread and both "
              + "spin %.1f ms, after a %d ms pause, %d times: %.1f ms median, %.1f ms p75, %.1f ms p90 "
              + "(ideal %.1f). What exceeds the ideal is time the two threads shared one core: this machine's "
              + "scheduler packs a thread woken after a pause onto the waker's core for the first milliseconds, "
              + "which caps the thread speedup of short queries in any engine (see duckdb_parquet's).%n",
          start.workMillis(), start.pauseMillis(), start.timing().millis().size(), start.timing().median(),
          start.timing().quantile(0.75), start.timing().quantile(0.9), start.workMillis()));
    }
    ParallelStart.Result pinned = ctx.pinnedStart();
    if (pinned != null) {
      md.append(String.format(Locale.ROOT, "- Parallel start with Wafer's scan workers (each pinned to a CPU, "
              + "the woken one placed away from the query thread's CPU), the same probe: %.1f ms median, "
              + "%.1f ms p75, %.1f ms p90.%n",
          pinned.timing().median(), pinned.timing().quantile(0.75), pinned.timing().quantile(0.9)));
    }
    for (TwoThreadCeiling.Result c : ctx.ceilings()) {
      md.append(String.format(Locale.ROOT, "- Two-thread ceiling, %s on the query thread and a scan worker at "
              + "once, each over its own array: %.2f× the work of one thread (median of %d; %.2f–%.2f). "
              + "Two idle cores give 2; less means the second vCPU got less than a core during the probe "
              + "(a hardware-thread sibling or another guest used it): a ceiling for any engine's thread "
              + "speedup in this run.%n",
          c.loop(), c.ratio().median(), c.ratio().millis().size(), c.ratio().min(), c.ratio().max()));
    }
    md.append('\n')
        .append("Ratios: wafer / duckdb_* below 1 means Wafer is faster; rules_off / wafer is what the "
            + "pushdowns gain; 1 thread / ").append(ctx.threads()).append(" is the speedup of the extra "
            + "threads.\n\n");
    md.append("| query |");
    for (String e : ctx.engines()) {
      md.append(' ').append(e).append(" |");
    }
    boolean duckScaling = ctx.engines().contains("duckdb_parquet_1t");
    md.append(" wafer / duckdb_parquet | wafer / duckdb_memory | rules_off / wafer | 1 thread / ")
        .append(ctx.threads()).append(" |");
    if (duckScaling) {
      md.append(" duckdb_parquet 1 thread / ").append(ctx.threads()).append(" |");
    }
    boolean ceilings = results.values().stream().anyMatch(o -> o.ceiling() != null);
    boolean streamingCeilings = results.values().stream().anyMatch(o -> o.streamingCeiling() != null);
    if (ceilings) {
      md.append(" two-thread ceiling in runs |");
    }
    if (streamingCeilings) {
      md.append(" streaming two-thread ceiling in runs |");
    }
    md.append(" warm-ups, JIT ms in runs | idle wait ms, runs started busy | major page faults in runs |");
    md.append("\n|---|").append("---|".repeat(ctx.engines().size() + 7 + (duckScaling ? 1 : 0) + (ceilings ? 1 : 0)
        + (streamingCeilings ? 1 : 0)))
        .append('\n');
    for (Map.Entry<String, QueryOutcome> outcome : results.entrySet()) {
      Map<String, EngineResult> q = outcome.getValue().engines();
      md.append("| ").append(outcome.getKey()).append(" |");
      for (String e : ctx.engines()) {
        EngineResult r = q.get(e);
        md.append(' ').append(r == null ? "n/a" : r.timing() == null ? r.problem()
            : String.format(Locale.ROOT, "%.1f [%.1f–%.1f]", r.timing().median(),
                r.timing().min(), r.timing().max())).append(" |");
      }
      md.append(' ').append(ratio(q, "wafer", "duckdb_parquet")).append(" |")
          .append(' ').append(ratio(q, "wafer", "duckdb_memory")).append(" |")
          .append(' ').append(ratio(q, "wafer_rules_off", "wafer")).append(" |")
          .append(' ').append(ratio(q, "wafer_1t", "wafer")).append(" |");
      if (duckScaling) {
        md.append(' ').append(ratio(q, "duckdb_parquet_1t", "duckdb_parquet")).append(" |");
      }
      if (ceilings) {
        md.append(' ').append(ratioRange(outcome.getValue().ceiling())).append(" |");
      }
      if (streamingCeilings) {
        md.append(' ').append(ratioRange(outcome.getValue().streamingCeiling())).append(" |");
      }
      md.append(' ').append(outcome.getValue().warmupRounds()).append(", ")
          .append(outcome.getValue().jitMillisInRuns()).append(" |")
          .append(' ').append(outcome.getValue().settleMillis()).append(", ")
          .append(outcome.getValue().startedBusy()).append(" |")
          .append(' ').append(faults(outcome.getValue().majorFaults(), ctx.engines())).append(" |");
      md.append('\n');
    }
    md.append("\n![engine comparison](bench/").append(chartName).append(")\n");
    Files.createDirectories(markdown.toAbsolutePath().getParent());
    Files.writeString(markdown, md.toString());
  }

  /** The engines whose timed runs faulted, with their counts; "0" when none did. */
  private static String faults(Map<String, Long> byEngine, List<String> engines) {
    if (byEngine.isEmpty()) {
      return "n/a";
    }
    List<String> parts = new ArrayList<>();
    for (String e : engines) {
      Long n = byEngine.get(e);
      if (n != null && n > 0) {
        parts.add(e + " " + n);
      }
    }
    return parts.isEmpty() ? "0" : String.join(", ", parts);
  }

  /** A sampled ratio's median and range, or n/a. */
  private static String ratioRange(Timing t) {
    return t == null ? "n/a" : String.format(Locale.ROOT, "%.2f× [%.2f–%.2f]", t.median(), t.min(), t.max());
  }

  private static String ratio(Map<String, EngineResult> r, String a, String b) {
    EngineResult x = r.get(a);
    EngineResult y = r.get(b);
    if (x == null || y == null || x.timing() == null || y.timing() == null) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.2f×", x.timing().median() / y.timing().median());
  }

  private static void chart(Path png, Context ctx, Map<String, QueryOutcome> results)
      throws IOException {
    CategoryChart chart = new CategoryChartBuilder().width(1400).height(700)
        .title(String.format(Locale.ROOT, "Median query time, %,d rows, %d threads (lower is better)",
            ctx.rows(), ctx.threads()))
        .xAxisTitle("query").yAxisTitle("ms").build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setXAxisLabelRotation(30);
    List<String> names = new ArrayList<>(results.keySet());
    for (String e : ctx.engines()) {
      List<Double> ys = new ArrayList<>();
      for (String q : names) {
        EngineResult r = results.get(q).engines().get(e);
        ys.add(r == null || r.timing() == null ? 0.0 : r.timing().median());
      }
      chart.addSeries(e, names, ys);
    }
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
