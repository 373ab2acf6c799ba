package dev.wafer.adapter.agg;

import java.util.Arrays;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * MIN or MAX of a REAL or DOUBLE column. Partials keep the extreme. A twin of {@link
 * MinMaxLongAccumulator} over {@code double[]}: Java generics cannot specialize on primitives, and
 * boxing in the loop is what this class exists to avoid.
 */
final class MinMaxDoubleAccumulator extends Accumulator {
  private final boolean max;
  private double[] values = new double[0];
  private boolean[] seen = new boolean[0];

  MinMaxDoubleAccumulator(boolean max) {
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
    double[] x = v.doubles;
    boolean nulls = v.mayBeNull();
    for (int i = 0; i < n; i++) {
      int r = positions == null ? i : positions[i];
      if (!nulls || !v.isNull(r)) {
        offer(groups == null ? group : groups[r], x[r]);
      }
    }
  }

  /** Folds one value in (also used for values known from statistics). */
  void offer(int g, double x) {
    if (!seen[g]) {
      seen[g] = true;
      values[g] = x;
    } else if (max ? x > values[g] : x < values[g]) {
      values[g] = x;
    }
  }

  @Override
  void merge(Accumulator other, int[] map, int groups) {
    MinMaxDoubleAccumulator o = (MinMaxDoubleAccumulator) other;
    for (int i = 0; i < groups; i++) {
      if (o.seen[i]) {
        offer(map[i], o.values[i]);
      }
    }
  }

  @Override
  Object result(int group, SqlTypeName type) {
    return seen[group] ? ofDouble(values[group], type) : null;
  }

  @Override
  int bytesPerGroup() {
    return 9;
  }
}
