package dev.wafer.adapter.agg;

/**
 * The aggregate functions the scan computes, with how partial states combine: COUNT partials
 * add, SUM partials add (compensated for floating point), MIN/MAX keep the extreme, and the
 * moment-based functions (AVG, VAR_*, STDDEV_*) merge count, mean and squared deviations by
 * Chan's parallel formula — never an average of averages.
 */
public enum AggKind {
  /** COUNT(*): rows of the group. */
  COUNT_STAR,
  /** COUNT(col): non-null values. */
  COUNT,
  /** SUM: NULL for a group without non-null values. */
  SUM,
  /** Calcite's $SUM0: SUM that yields 0 instead of NULL. */
  SUM0,
  MIN,
  MAX,
  AVG,
  VAR_POP,
  VAR_SAMP,
  STDDEV_POP,
  STDDEV_SAMP;

  /** Whether the function reads argument values (not only their validity). */
  public boolean readsValues() {
    return this != COUNT_STAR && this != COUNT;
  }

  /** Whether the function is computed from count, mean and M2 (Welford / Chan). */
  public boolean moments() {
    return this == AVG || this == VAR_POP || this == VAR_SAMP || this == STDDEV_POP || this == STDDEV_SAMP;
  }
}
