package dev.wafer.functions.builtin.capability;

import static dev.wafer.functions.vector.GroupConstants.isLimit;

/**
 * Process-capability formulas (SAS / JMP / AIAG) over a mean and a sample σ, with the edge
 * cases decided once for every capability function:
 * <ul>
 *   <li>fewer than two values, or no usable limit on the needed side: NULL;</li>
 *   <li>σ = 0: the ratio is +Infinity when the numerator is positive (all parts equal and
 *       inside the limit), −Infinity when negative, NULL when zero (on the limit);</li>
 *   <li>a limit that is NULL, NaN or ±Infinity means "no limit on that side".</li>
 * </ul>
 */
public final class CapabilityMath {
  private CapabilityMath() {}

  /** {@code numerator / denominator} with the σ = 0 convention above; NULL for NaN. */
  public static Double ratio(double numerator, double denominator) {
    double r;
    if (denominator == 0) {
      if (numerator == 0 || Double.isNaN(numerator)) {
        return null;
      }
      r = numerator > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    } else {
      r = numerator / denominator;
    }
    return Double.isNaN(r) ? null : r;
  }

  /** (USL − LSL) / 6σ; NULL unless both limits exist. */
  public static Double cp(long n, double sigma, double lsl, double usl) {
    if (n < 2 || !isLimit(lsl) || !isLimit(usl)) {
      return null;
    }
    return ratio(usl - lsl, 6 * sigma);
  }

  /** (USL − μ) / 3σ; NULL without an upper limit. */
  public static Double cpu(long n, double mean, double sigma, double usl) {
    if (n < 2 || !isLimit(usl)) {
      return null;
    }
    return ratio(usl - mean, 3 * sigma);
  }

  /** (μ − LSL) / 3σ; NULL without a lower limit. */
  public static Double cpl(long n, double mean, double sigma, double lsl) {
    if (n < 2 || !isLimit(lsl)) {
      return null;
    }
    return ratio(mean - lsl, 3 * sigma);
  }

  /** min(CPU, CPL) over the sides that have a limit; NULL with none. */
  public static Double cpk(long n, double mean, double sigma, double lsl, double usl) {
    return nearerSide(cpl(n, mean, sigma, lsl), isLimit(lsl), cpu(n, mean, sigma, usl), isLimit(usl));
  }

  /**
   * The smaller of the sides that have a limit. A side with a limit but a NULL index (n < 2,
   * or σ = 0 with the centre on the limit) makes the whole index NULL rather than letting the
   * other side hide it.
   */
  public static Double nearerSide(Double lower, boolean hasLower, Double upper, boolean hasUpper) {
    if ((!hasLower && !hasUpper) || (hasLower && lower == null) || (hasUpper && upper == null)) {
      return null;
    }
    if (!hasLower) {
      return upper;
    }
    return hasUpper ? Math.min(lower, upper) : lower;
  }
}
