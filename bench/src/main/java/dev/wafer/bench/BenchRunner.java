package dev.wafer.bench;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the suite on every engine: first checks each engine's answer against the reference
 * engine's (the first in the list), then warms up and times the runs. A wrong or failed answer
 * gets no time.
 */
final class BenchRunner {
  private final List<Engine> engines;
  private final int warmup;
  private final int runs;
  private final boolean consecutive;
  private final long warmupNanos;

  /**
   * @param consecutive whether each engine runs all its runs back to back (its steady state) rather
   *     than interleaved with the other engines
   * @param warmupSeconds in consecutive order, the least time each engine warms up for, beyond its
   *     warm-up runs: a JIT still compiling takes a core from the engine's threads
   */
  BenchRunner(List<Engine> engines, int warmup, int runs, boolean consecutive, double warmupSeconds) {
    this.engines = List.copyOf(engines);
    this.warmup = warmup;
    this.runs = runs;
    this.consecutive = consecutive;
    this.warmupNanos = (long) (warmupSeconds * 1e9);
  }

  /**
   * Results by query name, then by engine name, in suite and engine order. The timed runs are
   * interleaved, engine after engine, starting with a different engine each round: on a shared
   * 2-core machine the engine timed right after another (DuckDB's workers linger briefly after a
   * query) or first after a pause would otherwise be favoured or penalised systematically. With
   * {@code consecutive}, each engine runs its warm-ups and runs back to back instead: no run starts
   * after another engine's, which shows an engine's steady state (and, on these VMs, keeps the
   * scheduler from packing a short query's threads onto one core after a pause).
   */
  Map<String, Map<String, EngineResult>> run(List<BenchQuery> queries) {
    Map<String, Map<String, EngineResult>> all = new LinkedHashMap<>();
    for (BenchQuery q : queries) {
      Map<String, EngineResult> byEngine = new LinkedHashMap<>();
      List<Engine> correct = new ArrayList<>();
      ResultDigest reference = null;
      for (Engine e : engines) {
        try (Statement s = e.connection().createStatement()) {
          ResultDigest digest = ResultDigest.of(s, q);
          String diff = reference == null ? null : digest.differenceFrom(reference);
          if (reference == null) {
            reference = digest;
          }
          if (diff != null) {
            byEngine.put(e.name(), EngineResult.failed("wrong answer: " + diff));
          } else {
            byEngine.put(e.name(), null);
            correct.add(e);
          }
        } catch (SQLException | RuntimeException ex) {
          byEngine.put(e.name(), EngineResult.failed("error: " + firstLine(ex.getMessage())));
        }
      }
      Map<Engine, List<Double>> times = new LinkedHashMap<>();
      correct.forEach(e -> times.put(e, new ArrayList<>()));
      if (consecutive) {
        for (Engine e : correct) {
          long warmEnd = System.nanoTime() + warmupNanos;
          for (int w = 0; w < warmup || System.nanoTime() < warmEnd; w++) {
            time(e, q, -1, times, byEngine);
          }
          for (int round = 0; round < runs; round++) {
            time(e, q, round, times, byEngine);
          }
        }
      } else {
        for (int round = -warmup; round < runs; round++) {
          for (int k = 0; k < correct.size(); k++) {
            time(correct.get(Math.floorMod(round + k, correct.size())), q, round, times, byEngine);
          }
        }
      }
      times.forEach((e, ms) -> byEngine.put(e.name(), EngineResult.ok(new Timing(ms))));
      for (Map.Entry<String, EngineResult> r : byEngine.entrySet()) {
        System.out.printf("%-20s %-16s %s%n", q.name(), r.getKey(), r.getValue().timing() != null
            ? String.format("median %.1f ms", r.getValue().timing().median()) : r.getValue().problem());
      }
      all.put(q.name(), byEngine);
    }
    return all;
  }

  /** One run of {@code q} on {@code e}, timed unless a warm-up ({@code round < 0}). */
  private static void time(Engine e, BenchQuery q, int round, Map<Engine, List<Double>> times,
      Map<String, EngineResult> byEngine) {
    if (!times.containsKey(e)) {
      return; // failed during an earlier run
    }
    try (Statement s = e.connection().createStatement()) {
      long t0 = System.nanoTime();
      ResultDigest.drain(s, q.sql());
      if (round >= 0) {
        times.get(e).add((System.nanoTime() - t0) / 1e6);
      }
    } catch (SQLException | RuntimeException ex) {
      times.remove(e);
      byEngine.put(e.name(), EngineResult.failed("error: " + firstLine(ex.getMessage())));
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "(no message)";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
