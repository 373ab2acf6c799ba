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

  BenchRunner(List<Engine> engines, int warmup, int runs) {
    this.engines = List.copyOf(engines);
    this.warmup = warmup;
    this.runs = runs;
  }

  /** Results by query name, then by engine name, in suite and engine order. */
  Map<String, Map<String, EngineResult>> run(List<BenchQuery> queries) {
    Map<String, Map<String, EngineResult>> all = new LinkedHashMap<>();
    for (BenchQuery q : queries) {
      Map<String, EngineResult> byEngine = new LinkedHashMap<>();
      ResultDigest reference = null;
      for (Engine e : engines) {
        EngineResult r;
        try (Statement s = e.connection().createStatement()) {
          ResultDigest digest = ResultDigest.of(s, q);
          String diff = reference == null ? null : digest.differenceFrom(reference);
          if (reference == null) {
            reference = digest;
          }
          r = diff != null ? EngineResult.failed("wrong answer: " + diff) : EngineResult.ok(time(s, q));
        } catch (SQLException | RuntimeException ex) {
          r = EngineResult.failed("error: " + firstLine(ex.getMessage()));
        }
        byEngine.put(e.name(), r);
        System.out.printf("%-20s %-16s %s%n", q.name(), e.name(), r.timing() != null
            ? String.format("median %.1f ms", r.timing().median()) : r.problem());
      }
      all.put(q.name(), byEngine);
    }
    return all;
  }

  private Timing time(Statement s, BenchQuery q) throws SQLException {
    for (int i = 0; i < warmup; i++) {
      ResultDigest.drain(s, q.sql());
    }
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      ResultDigest.drain(s, q.sql());
      ms.add((System.nanoTime() - t0) / 1e6);
    }
    return new Timing(ms);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "(no message)";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
