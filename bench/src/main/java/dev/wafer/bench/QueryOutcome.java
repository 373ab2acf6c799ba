package dev.wafer.bench;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One query's results across the engines, with what the warm-up took: the timed runs only count
 * once the JIT is quiet, and {@code jitMillisInRuns} shows whether it stayed so.
 *
 * @param engines result by engine name, in engine order
 * @param warmupRounds warm-up rounds run (interleaved) or the most any engine ran (consecutive)
 * @param jitMillisInRuns JIT compilation time while the timed runs ran, all engines together
 * @param settleMillis time the timed runs waited, before they started, for the JVM to be idle
 * @param startedBusy timed runs that started with the JVM still busy, the wait having run out
 * @param majorFaults major page faults during each engine's timed runs, by engine name (empty where
 *     they cannot be counted)
 * @param ceiling the machine's two-thread ceiling sampled between the timed rounds, an L1-resident
 *     loop (ratios, not milliseconds), or null when not sampled
 * @param streamingCeiling the same for a loop streaming memory, or null when not sampled
 */
record QueryOutcome(Map<String, EngineResult> engines, int warmupRounds, long jitMillisInRuns,
    long settleMillis, int startedBusy, Map<String, Long> majorFaults, Timing ceiling, Timing streamingCeiling) {
  QueryOutcome {
    requireNonNull(engines, "engines");
    majorFaults = Map.copyOf(requireNonNull(majorFaults, "majorFaults"));
  }
}
