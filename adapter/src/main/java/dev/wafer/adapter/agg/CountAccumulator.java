package dev.wafer.adapter.agg;

import java.util.Arrays;
import org.apache.calcite.sql.type.SqlTypeName;

/** COUNT(*) (every row) and COUNT(col) (rows whose value is not null). Partials add. */
final class CountAccumulator extends Accumulator {
  private final boolean star;
  private long[] counts = new long[0];

  CountAccumulator(boolean star) {
    this.star = star;
  }

  @Override
  void ensure(int groups) {
    if (counts.length < groups) {
      counts = Arrays.copyOf(counts, grow(counts.length, groups));
    }
  }

  @Override
  void add(int[] groups, int group, ColumnBatch v, int[] positions, int n) {
    long[] c = counts;
    if (star || !v.mayBeNull()) {
      if (groups == null) {
        c[group] += n;
      } else if (positions == null) {
        for (int i = 0; i < n; i++) {
          c[groups[i]]++;
        }
      } else {
        for (int i = 0; i < n; i++) {
          c[groups[positions[i]]]++;
        }
      }
      return;
    }
    if (v.allNull) {
      return;
    }
    for (int i = 0; i < n; i++) {
      int r = positions == null ? i : positions[i];
      if (!v.isNull(r)) {
        c[groups == null ? group : groups[r]]++;
      }
    }
  }

  /** Adds a count known from statistics (no data read). */
  void addCount(int group, long count) {
    counts[group] += count;
  }

  @Override
  void merge(Accumulator other, int[] map, int groups) {
    long[] o = ((CountAccumulator) other).counts;
    for (int i = 0; i < groups; i++) {
      counts[map[i]] += o[i];
    }
  }

  @Override
  Object result(int group, SqlTypeName type) {
    return ofLong(counts[group], type);
  }

  @Override
  int bytesPerGroup() {
    return 8;
  }
}
