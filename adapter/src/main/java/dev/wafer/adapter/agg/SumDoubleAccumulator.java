package dev.wafer.adapter.agg;

import java.util.Arrays;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * SUM, $SUM0 and AVG of floating-point columns with Neumaier-compensated sums (a running sum and
 * its lost low-order part per group), so the result does not depend on how rows were split
 * among workers beyond rounding of the final addition. AVG is the compensated sum over the count,
 * computed once at the end. Partials merge by compensated addition of sum and compensation.
 */
final class SumDoubleAccumulator extends Accumulator {
  private final AggKind kind;
  private double[] sums = new double[0];
  private double[] comps = new double[0];
  private long[] counts = new long[0];

  SumDoubleAccumulator(AggKind kind) {
    this.kind = kind;
  }

  @Override
  void ensure(int groups) {
    if (sums.length < groups) {
      int n = grow(sums.length, groups);
      sums = Arrays.copyOf(sums, n);
      comps = Arrays.copyOf(comps, n);
      counts = Arrays.copyOf(counts, n);
    }
  }

  @Override
  void add(int[] groups, int group, ColumnBatch v, int[] positions, int n) {
    if (v.allNull) {
      return;
    }
    double[] x = v.doubles;
    boolean nulls = v.mayBeNull();
    if (groups == null && !nulls) {
      addLanes(group, x, positions, n);
      return;
    }
    double[] s = sums;
    double[] c = comps;
    long[] k = counts;
    for (int i = 0; i < n; i++) {
      int r = positions == null ? i : positions[i];
      if (nulls && v.isNull(r)) {
        continue;
      }
      int g = groups == null ? group : groups[r];
      double y = x[r];
      double sum = s[g];
      double t = sum + y;
      c[g] += Math.abs(sum) >= Math.abs(y) ? (sum - t) + y : (y - t) + sum;
      s[g] = t;
      k[g]++;
    }
  }

  /**
   * One group, no nulls, every row ({@code positions} null) or the selected ones: two independent
   * compensated lanes, then combined (the null test is loop-invariant: the JIT unswitches it).
   */
  private void addLanes(int g, double[] x, int[] positions, int n) {
    double s0 = 0;
    double c0 = 0;
    double s1 = 0;
    double c1 = 0;
    int i = 0;
    for (; i + 1 < n; i += 2) {
      double y0 = x[positions == null ? i : positions[i]];
      double t0 = s0 + y0;
      c0 += Math.abs(s0) >= Math.abs(y0) ? (s0 - t0) + y0 : (y0 - t0) + s0;
      s0 = t0;
      double y1 = x[positions == null ? i + 1 : positions[i + 1]];
      double t1 = s1 + y1;
      c1 += Math.abs(s1) >= Math.abs(y1) ? (s1 - t1) + y1 : (y1 - t1) + s1;
      s1 = t1;
    }
    if (i < n) {
      double y = x[positions == null ? i : positions[i]];
      double t0 = s0 + y;
      c0 += Math.abs(s0) >= Math.abs(y) ? (s0 - t0) + y : (y - t0) + s0;
      s0 = t0;
    }
    combine(g, s0, c0);
    combine(g, s1, c1);
    counts[g] += n;
  }

  /** Folds a partial computed elsewhere (a compensated sum of {@code count} values) into group g. */
  void addPartial(int g, double sum, double comp, long count) {
    combine(g, sum, comp);
    counts[g] += count;
  }

  private void combine(int g, double sum, double comp) {
    double s = sums[g];
    double t = s + sum;
    comps[g] += (Math.abs(s) >= Math.abs(sum) ? (s - t) + sum : (sum - t) + s) + comp;
    sums[g] = t;
  }

  @Override
  void merge(Accumulator other, int[] map, int groups) {
    SumDoubleAccumulator o = (SumDoubleAccumulator) other;
    for (int i = 0; i < groups; i++) {
      combine(map[i], o.sums[i], o.comps[i]);
      counts[map[i]] += o.counts[i];
    }
  }

  @Override
  Object result(int group, SqlTypeName type) {
    if (counts[group] == 0) {
      return kind == AggKind.SUM0 ? ofDouble(0, type) : null;
    }
    double total = sums[group] + comps[group];
    return ofDouble(kind == AggKind.AVG ? total / counts[group] : total, type);
  }

  @Override
  int bytesPerGroup() {
    return 24;
  }
}
