package dev.wafer.functions.builtin.outlier;

import dev.wafer.functions.builtin.capability.CapabilityMath;

/**
 * Per-part outlier scores against population statistics computed elsewhere (a window or a
 * subquery over the whole population, not per partition): the math behind ZSCORE and
 * MODIFIED_Z. Division by a zero scale follows {@link CapabilityMath#ratio}: ±Infinity, or
 * NULL when the part sits exactly on the centre.
 */
public final class Outliers {
  /** Iglewicz–Hoaglin constant: Φ⁻¹(0.75), making MAD_RAW comparable with σ. */
  public static final double MODIFIED_Z_SCALE = 0.6745;
  /** Iglewicz–Hoaglin threshold on |M|. */
  public static final double MODIFIED_Z_THRESHOLD = 3.5;

  private Outliers() {}

  /** (x − mean) / sd; NULL for a negative sd. */
  public static Double zscore(double x, double mean, double sd) {
    return sd < 0 ? null : CapabilityMath.ratio(x - mean, sd);
  }

  /** |x − mean| > k·sd. With sd = 0 every part that differs from the mean is an outlier. */
  public static boolean isZscoreOutlier(double x, double mean, double sd, double k) {
    return Math.abs(x - mean) > k * sd;
  }

  /** 0.6745 · (x − median) / madRaw; NULL for a negative madRaw. */
  public static Double modifiedZ(double x, double median, double madRaw) {
    return madRaw < 0 ? null : CapabilityMath.ratio(MODIFIED_Z_SCALE * (x - median), madRaw);
  }

  /** |0.6745 · (x − median)| > threshold · madRaw (the division-free form of |M| > threshold). */
  public static boolean isModifiedZOutlier(double x, double median, double madRaw, double threshold) {
    return Math.abs(MODIFIED_Z_SCALE * (x - median)) > threshold * madRaw;
  }
}
