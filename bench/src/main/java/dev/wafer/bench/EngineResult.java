package dev.wafer.bench;

/**
 * One engine's outcome on one query: its timing when its answer matched the reference, or why
 * it has none.
 *
 * @param timing timed runs, or null
 * @param problem why there is no timing (wrong answer, error), or null
 */
record EngineResult(Timing timing, String problem) {
  static EngineResult ok(Timing t) {
    return new EngineResult(t, null);
  }

  static EngineResult failed(String problem) {
    return new EngineResult(null, problem);
  }
}
