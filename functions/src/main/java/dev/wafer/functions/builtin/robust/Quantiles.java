package dev.wafer.functions.builtin.robust;

import java.util.Arrays;

/**
 * Quantiles and robust scale estimates over a sorted array. Quantiles follow Hyndman–Fan
 * type 7 (R's, NumPy's and Excel PERCENTILE.INC's default: h = (n−1)p, linear interpolation);
 * type 6 (h = (n+1)p − 1, clamped to the ends) is offered for Minitab-style quartiles.
 */
public final class Quantiles {
  /** Scale factor making MAD a consistent σ estimator for normal data (R's {@code mad}). */
  public static final double MAD_SCALE = 1.4826;
  /** Default IQR divisor of ROBUST_SIGMA (AEC-Q001). */
  public static final double AEC_IQR_DIVISOR = 1.35;
  /** IQR of a standard normal (2·Φ⁻¹(0.75)), the divisor of CPK_ROBUST. */
  public static final double NORMAL_IQR = 1.34898;

  private Quantiles() {}

  /** Type-7 quantile of the first {@code n} (≥ 1) values of {@code sorted}, 0 ≤ p ≤ 1. */
  public static double type7(double[] sorted, int n, double p) {
    return interpolate(sorted, n, (n - 1) * p);
  }

  /** Type-6 quantile of the first {@code n} (≥ 1) values of {@code sorted}, 0 ≤ p ≤ 1. */
  public static double type6(double[] sorted, int n, double p) {
    return interpolate(sorted, n, (n + 1) * p - 1);
  }

  /** Value at zero-based fractional position {@code h}, clamped to the ends. */
  private static double interpolate(double[] sorted, int n, double h) {
    if (h <= 0) {
      return sorted[0];
    }
    if (h >= n - 1) {
      return sorted[n - 1];
    }
    int lo = (int) Math.floor(h);
    double frac = h - lo;
    return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
  }

  public static double median(double[] sorted, int n) {
    return type7(sorted, n, 0.5);
  }

  /** Q3 − Q1 (type 7). */
  public static double iqr(double[] sorted, int n) {
    return type7(sorted, n, 0.75) - type7(sorted, n, 0.25);
  }

  /** Unscaled median absolute deviation: median(|x − median(x)|). Allocates one array of n. */
  public static double madRaw(double[] sorted, int n) {
    double median = median(sorted, n);
    double[] deviations = new double[n];
    for (int i = 0; i < n; i++) {
      deviations[i] = Math.abs(sorted[i] - median);
    }
    Arrays.sort(deviations);
    return median(deviations, n);
  }
}
