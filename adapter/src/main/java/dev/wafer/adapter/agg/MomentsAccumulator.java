package dev.wafer.adapter.agg;

import java.util.Arrays;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * VAR_POP, VAR_SAMP, STDDEV_POP and STDDEV_SAMP of a floating-point column: per group the count,
 * the mean and M2 (sum of squared deviations from the mean), updated row by row with Welford's
 * recurrence (stable where the textbook {@code (Σx² - (Σx)²/n)/n} cancels) and merged across
 * workers with Chan's parallel formula. A sample statistic of one row is NULL, as in SQL.
 */
final class MomentsAccumulator extends Accumulator {
  private final AggKind kind;
  private long[] counts = new long[0];
  private double[] means = new double[0];
  private double[] m2s = new double[0];

  MomentsAccumulator(AggKind kind) {
    this.kind = kind;
  }

  @Override
  void ensure(int groups) {
    if (counts.length < groups) {
      int n = grow(counts.length, groups);
      counts = Arrays.copyOf(counts, n);
      means = Arrays.copyOf(means, n);
      m2s = Arrays.copyOf(m2s, n);
    }
  }

  @Override
  void add(int[] groups, int group, ColumnBatch v, int[] positions, int n) {
    if (v.allNull) {
      return;
    }
    double[] x = v.doubles;
    boolean nulls = v.mayBeNull();
    if (groups == null) {
      addBatch(group, x, v, nulls, positions, n);
      return;
    }
    long[] k = counts;
    double[] mean = means;
    double[] m2 = m2s;
    for (int i = 0; i < n; i++) {
      int r = positions == null ? i : positions[i];
      if (nulls && v.isNull(r)) {
        continue;
      }
      int g = groups == null ? group : groups[r];
      double y = x[r];
      long c = ++k[g];
      double delta = y - mean[g];
      mean[g] += delta / c;
      m2[g] += delta * (y - mean[g]);
    }
  }

  /**
   * Rows all of one group (a global aggregate, a partition-constant key): the batch's own count,
   * mean and M2 by the corrected two-pass method, then one Chan merge into the group. Welford's
   * update per row divides by the count on a chain through the mean, several times slower.
   */
  private void addBatch(int g, double[] x, ColumnBatch v, boolean nulls, int[] positions, int n) {
    if (!nulls && positions == null) {
      addDense(g, x, n);
      return;
    }
    long c = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      int r = positions == null ? i : positions[i];
      if (!nulls || !v.isNull(r)) {
        sum += x[r];
        c++;
      }
    }
    if (c == 0) {
      return;
    }
    double mb = sum / c;
    double sq = 0;
    double dev = 0;
    for (int i = 0; i < n; i++) {
      int r = positions == null ? i : positions[i];
      if (!nulls || !v.isNull(r)) {
        double d = x[r] - mb;
        sq += d * d;
        dev += d;
      }
    }
    mergeBatch(g, c, mb, sq, dev);
  }

  /** {@link #addBatch} for rows {@code 0..n-1} without NULLs, in four lanes (no chain of dependent adds). */
  private void addDense(int g, double[] x, int n) {
    if (n == 0) {
      return;
    }
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += x[i];
      s1 += x[i + 1];
      s2 += x[i + 2];
      s3 += x[i + 3];
    }
    for (; i < n; i++) {
      s0 += x[i];
    }
    double mb = ((s0 + s1) + (s2 + s3)) / n;
    double q0 = 0;
    double q1 = 0;
    double q2 = 0;
    double q3 = 0;
    double d0 = 0;
    double d1 = 0;
    i = 0;
    for (; i + 3 < n; i += 4) {
      double a = x[i] - mb;
      double b = x[i + 1] - mb;
      double c = x[i + 2] - mb;
      double d = x[i + 3] - mb;
      q0 += a * a;
      q1 += b * b;
      q2 += c * c;
      q3 += d * d;
      d0 += a + b;
      d1 += c + d;
    }
    for (; i < n; i++) {
      double a = x[i] - mb;
      q0 += a * a;
      d0 += a;
    }
    mergeBatch(g, n, mb, (q0 + q1) + (q2 + q3), d0 + d1);
  }

  /**
   * Chan's merge of a batch (count c, provisional mean mb, Σ(x - mb)², Σ(x - mb)) into group g.
   * The deviation sum is zero but for rounding; the correction keeps M2 and the mean exact to it.
   */
  private void mergeBatch(int g, long c, double mb, double sq, double dev) {
    double m2b = sq - dev * dev / c;
    long na = counts[g];
    long total = na + c;
    double delta = mb + dev / c - means[g];
    means[g] += delta * c / total;
    m2s[g] += m2b + delta * delta * ((double) na * c / total);
    counts[g] = total;
  }

  @Override
  void merge(Accumulator other, int[] map, int groups) {
    MomentsAccumulator o = (MomentsAccumulator) other;
    for (int i = 0; i < groups; i++) {
      long nb = o.counts[i];
      if (nb == 0) {
        continue;
      }
      int g = map[i];
      long na = counts[g];
      long n = na + nb;
      double delta = o.means[i] - means[g];
      means[g] += delta * nb / n;
      m2s[g] += o.m2s[i] + delta * delta * ((double) na * nb / n);
      counts[g] = n;
    }
  }

  @Override
  Object result(int group, SqlTypeName type) {
    long n = counts[group];
    boolean sample = kind == AggKind.VAR_SAMP || kind == AggKind.STDDEV_SAMP;
    if (n == 0 || (sample && n == 1)) {
      return null;
    }
    double var = Math.max(0, m2s[group]) / (sample ? n - 1 : n);
    return ofDouble(kind == AggKind.STDDEV_POP || kind == AggKind.STDDEV_SAMP ? Math.sqrt(var) : var, type);
  }

  /** The mean of a group's non-null values (AVG), or null when it has none. */
  Object mean(int group, SqlTypeName type) {
    return counts[group] == 0 ? null : ofDouble(means[group], type);
  }

  @Override
  int bytesPerGroup() {
    return 24;
  }
}
