package dev.wafer.bench;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs the suite on every engine: first checks each engine's answer against the reference
 * engine's (the first in the list), then warms up and times the runs. A wrong or failed answer
 * gets no time.
 */
final class BenchRunner {
  /** A warm-up round (or run) that compiles less than this is quiet. */
  static final long QUIET_JIT_MILLIS = 2;
  /** Quiet warm-up steps in a row after which the JIT counts as settled. */
  static final int QUIET_STEPS = 3;

  private final List<Engine> engines;
  private final int warmup;
  private final int runs;
  private final boolean consecutive;
  private final long warmupNanos;
  private final long jitQuietNanos;
  private final long settleMillis;
  private final long seed;
  /** Samples the machine's two-thread ceiling between timed rounds; null with one thread. */
  private final TwoThreadCeiling.Sampler ceiling;
  /** The current query's timed runs: time waited for an idle JVM, and runs that started busy. */
  private long settledMillis;
  private int startedBusy;
  /** The current query's major page faults during each engine's timed runs. */
  private final Map<String, Long> faults = new LinkedHashMap<>();
  /** The current query's JIT milliseconds finished during each engine's timed runs (console only). */
  private final Map<String, Long> jitByEngine = new LinkedHashMap<>();

  /**
   * @param consecutive whether each engine runs all its runs back to back (its steady state) rather
   *     than interleaved with the other engines
   * @param warmupSeconds in consecutive order, the least time each engine warms up for, beyond its
   *     warm-up runs: a JIT still compiling takes a core from the engine's threads
   * @param jitQuietSeconds the most time warm-up goes on, past the above, until a warm-up round
   *     compiles less than {@link #QUIET_JIT_MILLIS}; 0 warms up by count (and time) only
   * @param settleMillis the most time each timed run waits for the JVM to be idle first (see
   *     {@link ProcessQuiet}); 0 starts it at once
   * @param seed of the interleaved rounds' engine order
   * @param ceiling takes one two-thread ceiling measurement after each timed round (each timed run
   *     when consecutive), or null not to
   */
  BenchRunner(List<Engine> engines, int warmup, int runs, boolean consecutive, double warmupSeconds,
      double jitQuietSeconds, long settleMillis, long seed, TwoThreadCeiling.Sampler ceiling) {
    this.engines = List.copyOf(engines);
    this.warmup = warmup;
    this.runs = runs;
    this.consecutive = consecutive;
    this.warmupNanos = (long) (warmupSeconds * 1e9);
    this.jitQuietNanos = (long) (jitQuietSeconds * 1e9);
    this.settleMillis = settleMillis;
    this.seed = seed;
    this.ceiling = ceiling;
  }

  /**
   * Results by query name, in suite order. The timed runs are interleaved: each round runs every
   * engine once, in an order shuffled per round. On a shared 2-core machine an engine timed right
   * after another (DuckDB's workers linger briefly after a query, a slow engine leaves garbage to
   * collect) or first after a pause would otherwise be favoured or penalised systematically; a
   * fixed rotation would not do, since it keeps each engine's predecessor. With {@code
   * consecutive}, each engine runs its warm-ups and runs back to back instead: no run starts after
   * another engine's, which shows an engine's steady state. Either way, warm-up goes on until the
   * JIT is quiet (within the configured bound): Wafer's threads share the 2 cores with the
   * compiler's, which a native engine does not.
   */
  Map<String, QueryOutcome> run(List<BenchQuery> queries) {
    List<Map<String, EngineResult>> checked = new ArrayList<>();
    for (BenchQuery q : queries) {
      Map<String, EngineResult> byEngine = new LinkedHashMap<>();
      checkAnswers(q, byEngine);
      checked.add(byEngine);
    }
    if (jitQuietNanos > 0) {
      suiteWarmUp(queries, checked);
    }
    Map<String, QueryOutcome> all = new LinkedHashMap<>();
    for (int qi = 0; qi < queries.size(); qi++) {
      BenchQuery q = queries.get(qi);
      Map<String, EngineResult> byEngine = checked.get(qi);
      List<Engine> correct = stillCorrect(byEngine);
      Map<Engine, List<Double>> times = new LinkedHashMap<>();
      correct.forEach(e -> times.put(e, new ArrayList<>()));
      int warmups = 0;
      long jitInRuns = 0;
      settledMillis = 0;
      startedBusy = 0;
      faults.clear();
      jitByEngine.clear();
      if (consecutive) {
        for (Engine e : correct) {
          int w = warmUp(() -> time(e, q, -1, times, byEngine));
          warmups = Math.max(warmups, w);
          long jit0 = JitActivity.totalMillis();
          for (int round = 0; round < runs; round++) {
            time(e, q, round, times, byEngine);
            sampleCeiling();
          }
          jitInRuns += JitActivity.totalMillis() - jit0;
        }
      } else {
        Random order = new Random(seed * 1_000_003L + qi);
        warmups = warmUp(() -> round(correct, order, q, -1, times, byEngine));
        long jit0 = JitActivity.totalMillis();
        for (int round = 0; round < runs; round++) {
          round(correct, order, q, round, times, byEngine);
          sampleCeiling();
        }
        jitInRuns = JitActivity.totalMillis() - jit0;
      }
      times.forEach((e, ms) -> byEngine.put(e.name(), EngineResult.ok(new Timing(ms))));
      for (Map.Entry<String, EngineResult> r : byEngine.entrySet()) {
        System.out.printf("%-20s %-16s %s%n", q.name(), r.getKey(), r.getValue().timing() != null
            ? String.format("median %.1f ms", r.getValue().timing().median()) : r.getValue().problem());
      }
      System.out.printf("%-20s %d warm-up rounds, JIT %d ms during the runs, %d ms waiting for an idle JVM, "
          + "%d runs started busy, major faults %s, JIT ms by engine %s%n", q.name(), warmups, jitInRuns,
          settledMillis, startedBusy, faults, jitByEngine);
      TwoThreadCeiling.Sampler.Samples sampled = ceiling == null ? null : ceiling.drain();
      all.put(q.name(), new QueryOutcome(byEngine, warmups, jitInRuns, settledMillis, startedBusy,
          new LinkedHashMap<>(faults), sampled == null ? null : sampled.cacheResident(),
          sampled == null ? null : sampled.streaming()));
    }
    return all;
  }

  /**
   * {@link #warmup} runs of every query on every engine that answered it correctly, before any
   * query's own warm-up: the first queries timed would otherwise pay for compiling code that the
   * whole suite shares (the driver, the planner, the scan), with the compiler's threads on the
   * cores the timed runs use.
   */
  private void suiteWarmUp(List<BenchQuery> queries, List<Map<String, EngineResult>> checked) {
    long jit0 = JitActivity.totalMillis();
    long t0 = System.nanoTime();
    for (int qi = 0; qi < queries.size(); qi++) {
      Map<String, EngineResult> byEngine = checked.get(qi);
      Map<Engine, List<Double>> ignored = new LinkedHashMap<>();
      List<Engine> correct = stillCorrect(byEngine);
      correct.forEach(e -> ignored.put(e, new ArrayList<>()));
      for (int w = 0; w < warmup; w++) {
        for (Engine e : correct) {
          time(e, queries.get(qi), -1, ignored, byEngine);
        }
      }
    }
    System.out.printf("suite warm-up: %.1f s, JIT %d ms%n", (System.nanoTime() - t0) / 1e9,
        JitActivity.totalMillis() - jit0);
  }

  /** The engines whose answer matched and that have not failed since (a null placeholder each). */
  private List<Engine> stillCorrect(Map<String, EngineResult> byEngine) {
    List<Engine> correct = new ArrayList<>();
    for (Engine e : engines) {
      if (byEngine.containsKey(e.name()) && byEngine.get(e.name()) == null) {
        correct.add(e);
      }
    }
    return correct;
  }

  /**
   * Runs {@code step} (one warm-up round, or one engine's warm-up run) at least {@code warmup}
   * times and for {@code warmupSeconds}, then until {@link #QUIET_STEPS} steps in a row each
   * compiled under {@link #QUIET_JIT_MILLIS}, or the JIT bound is reached; returns the number of
   * steps.
   */
  private int warmUp(Runnable step) {
    long startNanos = System.nanoTime();
    long timeEnd = startNanos + warmupNanos;
    long quietEnd = startNanos + warmupNanos + jitQuietNanos;
    boolean waitForJit = jitQuietNanos > 0 && JitActivity.measurable();
    int quietInRow = 0;
    int steps = 0;
    while (steps < warmup || System.nanoTime() < timeEnd
        || (waitForJit && quietInRow < QUIET_STEPS && System.nanoTime() < quietEnd)) {
      long jit0 = JitActivity.totalMillis();
      step.run();
      steps++;
      quietInRow = JitActivity.totalMillis() - jit0 < QUIET_JIT_MILLIS ? quietInRow + 1 : 0;
    }
    return steps;
  }

  /** One ceiling measurement, outside any timed run (the next one waits for an idle JVM first). */
  private void sampleCeiling() {
    if (ceiling != null) {
      ceiling.sample();
    }
  }

  /** Each engine once, in an order drawn from {@code order}. */
  private void round(List<Engine> correct, Random order, BenchQuery q, int round,
      Map<Engine, List<Double>> times, Map<String, EngineResult> byEngine) {
    List<Engine> shuffled = new ArrayList<>(correct);
    Collections.shuffle(shuffled, order);
    for (Engine e : shuffled) {
      time(e, q, round, times, byEngine);
    }
  }

  /**
   * Checks each engine's answer against the first engine's: a failure into {@code byEngine}, a
   * match as a null placeholder.
   */
  private void checkAnswers(BenchQuery q, Map<String, EngineResult> byEngine) {
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
        }
      } catch (SQLException | RuntimeException ex) {
        byEngine.put(e.name(), EngineResult.failed("error: " + firstLine(ex.getMessage())));
      }
    }
  }

  /**
   * One run of {@code q} on {@code e}, timed unless a warm-up ({@code round < 0}); a timed run
   * first waits (within {@link #settleMillis}) until the JVM is idle.
   */
  private void time(Engine e, BenchQuery q, int round, Map<Engine, List<Double>> times,
      Map<String, EngineResult> byEngine) {
    if (!times.containsKey(e)) {
      return; // failed during an earlier run
    }
    if (round >= 0 && settleMillis > 0) {
      long waited = ProcessQuiet.settle(settleMillis);
      settledMillis += waited;
      if (waited >= settleMillis) {
        startedBusy++;
      }
    }
    try (Statement s = e.connection().createStatement()) {
      long faults0 = MajorFaults.total();
      long jit0 = JitActivity.totalMillis();
      long t0 = System.nanoTime();
      ResultDigest.drain(s, q.sql());
      if (round >= 0) {
        times.get(e).add((System.nanoTime() - t0) / 1e6);
        if (faults0 >= 0) {
          faults.merge(e.name(), MajorFaults.total() - faults0, Long::sum);
        }
        jitByEngine.merge(e.name(), JitActivity.totalMillis() - jit0, Long::sum);
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
