package dev.wafer.adapter.agg;

import java.util.Arrays;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * SUM, $SUM0 and AVG of integer columns: a 64-bit sum and a count of non-null values per group.
 * Narrowing to the result type wraps like Calcite's own Java arithmetic; AVG divides with Java's
 * truncating integer division, as Calcite's reduced {@code SUM / COUNT} does. Partials add.
 */
final class SumLongAccumulator extends Accumulator {
  private final AggKind kind;
  private long[] sums = new long[0];
  private long[] counts = new long[0];

  SumLongAccumulator(AggKind kind) {
    this.kind = kind;
  }

  @Override
  void ensure(int groups) {
    if (sums.length < groups) {
      int n = grow(sums.length, groups);
      sums = Arrays.copyOf(sums, n);
      counts = Arrays.copyOf(counts, n);
    }
  }

  @Override
  void add(int[] groups, int group, ColumnBatch v, int[] positions, int n) {
    if (v.allNull) {
      return;
    }
    long[] x = v.longs;
    long[] s = sums;
    long[] c = counts;
    boolean nulls = v.mayBeNull();
    if (groups == null && positions == null && !nulls) {
      long a0 = 0;
      long a1 = 0;
      int i = 0;
      for (; i + 1 < n; i += 2) {
        a0 += x[i];
        a1 += x[i + 1];
      }
      for (; i < n; i++) {
        a0 += x[i];
      }
      s[group] += a0 + a1;
      c[group] += n;
      return;
    }
    for (int i = 0; i < n; i++) {
      int r = positions == null ? i : positions[i];
      if (nulls && v.isNull(r)) {
        continue;
      }
      int g = groups == null ? group : groups[r];
      s[g] += x[r];
      c[g]++;
    }
  }

  /** Folds a partial computed elsewhere (the sum of {@code count} values) into group g. */
  void addPartial(int g, long sum, long count) {
    sums[g] += sum;
    counts[g] += count;
  }

  @Override
  void merge(Accumulator other, int[] map, int groups) {
    SumLongAccumulator o = (SumLongAccumulator) other;
    for (int i = 0; i < groups; i++) {
      sums[map[i]] += o.sums[i];
      counts[map[i]] += o.counts[i];
    }
  }

  @Override
  Object result(int group, SqlTypeName type) {
    if (counts[group] == 0) {
      return kind == AggKind.SUM0 ? ofLong(0, type) : null;
    }
    return ofLong(kind == AggKind.AVG ? sums[group] / counts[group] : sums[group], type);
  }

  @Override
  int bytesPerGroup() {
    return 16;
  }
}
