package dev.wafer.functions.builtin.capability;

/**
 * Count, mean, sum of squared deviations (M2), min and max of a stream of doubles: the state of
 * the capability aggregates. Rows update it with Welford's recurrence; a batch is reduced with
 * a corrected two-pass mean/M2 and folded in with Chan et al.'s parallel formula, which is also
 * how two partial states merge. No sums of squares, so no catastrophic cancellation.
 *
 * <p>All arithmetic runs on values shifted by the first value seen ({@code x − shift}): test
 * data sits far from zero (1e9 + noise is not rare for counters and frequencies), and without
 * the shift each Welford step would round the mean at the scale of the offset, costing about
 * seven digits of the variance on the row path.
 */
public final class Moments {
  private long count;
  private double shift;
  private double mean; // of the shifted values
  private double m2;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  /** Adds one value (Welford). */
  public void add(double x) {
    if (count == 0) {
      shift = x;
    }
    double y = x - shift;
    count++;
    double delta = y - mean;
    mean += delta / count;
    m2 += delta * (y - mean);
    min = Math.min(min, x);
    max = Math.max(max, x);
  }

  /** Adds {@code n} values of {@code xs}: two passes over the batch, then one Chan combine. */
  public void addAll(double[] xs, int n) {
    if (n == 0) {
      return;
    }
    if (count == 0) {
      shift = xs[0];
    }
    double sum = 0;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double x = xs[i];
      sum += x - shift;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    double batchMean = sum / n;
    double batchM2 = 0;
    double correction = 0; // the corrected two-pass term: removes the batch mean's rounding error
    for (int i = 0; i < n; i++) {
      double d = (xs[i] - shift) - batchMean;
      batchM2 += d * d;
      correction += d;
    }
    batchM2 -= correction * correction / n;
    batchMean += correction / n;
    combine(n, batchMean, batchM2, lo, hi);
  }

  /** Folds {@code other} into this state (Chan's parallel formula). */
  public void merge(Moments other) {
    if (other.count == 0) {
      return;
    }
    if (count == 0) {
      shift = other.shift;
    }
    // other's mean in this state's frame; the shifts are data values, so their difference is small and exact-ish
    combine(other.count, (other.shift - shift) + other.mean, other.m2, other.min, other.max);
  }

  /** Folds a summary of shifted values (same shift as this state) into this state. */
  private void combine(long n2, double mean2, double m22, double min2, double max2) {
    if (count == 0) {
      count = n2;
      mean = mean2;
      m2 = m22;
    } else {
      long n = count + n2;
      double delta = mean2 - mean;
      mean += delta * n2 / n;
      m2 += m22 + delta * delta * ((double) count * n2 / n);
      count = n;
    }
    min = Math.min(min, min2);
    max = Math.max(max, max2);
  }

  public long count() {
    return count;
  }

  /** The mean; NaN when empty. */
  public double mean() {
    return count == 0 ? Double.NaN : shift + mean;
  }

  /** Sample variance (n−1); NaN when fewer than two values. */
  public double sampleVariance() {
    return count < 2 ? Double.NaN : Math.max(m2, 0) / (count - 1);
  }

  /** Sample standard deviation (n−1); NaN when fewer than two values. */
  public double sampleStddev() {
    return Math.sqrt(sampleVariance());
  }

  /** Population standard deviation (n); NaN when empty. */
  public double populationStddev() {
    return count < 1 ? Double.NaN : Math.sqrt(Math.max(m2, 0) / count);
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }
}
