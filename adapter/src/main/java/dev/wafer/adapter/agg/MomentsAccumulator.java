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

  @Override
  int bytesPerGroup() {
    return 24;
  }
}
