package dev.wafer.adapter.agg;

import java.util.Arrays;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * MIN or MAX of a column in the long domain (integers, dates, timestamps, times, booleans,
 * string codes are not ordered and never come here). Partials keep the extreme.
 */
final class MinMaxLongAccumulator extends Accumulator {
  private final boolean max;
  private long[] values = new long[0];
  private boolean[] seen = new boolean[0];

  MinMaxLongAccumulator(boolean max) {
    this.max = max;
  }

  @Override
  void ensure(int groups) {
    if (values.length < groups) {
      int n = grow(values.length, groups);
      values = Arrays.copyOf(values, n);
      seen = Arrays.copyOf(seen, n);
    }
  }

  @Override
  void add(int[] groups, int group, ColumnBatch v, int[] positions, int n) {
    if (v.allNull) {
      return;
    }
    long[] x = v.longs;
    boolean nulls = v.mayBeNull();
    for (int i = 0; i < n; i++) {
      int r = positions == null ? i : positions[i];
      if (!nulls || !v.isNull(r)) {
        offer(groups == null ? group : groups[r], x[r]);
      }
    }
  }

  /** Folds one value in (also used for values known from statistics). */
  void offer(int g, long x) {
    if (!seen[g]) {
      seen[g] = true;
      values[g] = x;
    } else if (max ? x > values[g] : x < values[g]) {
      values[g] = x;
    }
  }

  @Override
  void merge(Accumulator other, int[] map, int groups) {
    MinMaxLongAccumulator o = (MinMaxLongAccumulator) other;
    for (int i = 0; i < groups; i++) {
      if (o.seen[i]) {
        offer(map[i], o.values[i]);
      }
    }
  }

  @Override
  Object result(int group, SqlTypeName type) {
    return seen[group] ? ofLong(values[group], type) : null;
  }

  @Override
  int bytesPerGroup() {
    return 9;
  }
}
