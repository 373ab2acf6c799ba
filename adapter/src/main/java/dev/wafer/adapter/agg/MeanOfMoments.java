package dev.wafer.adapter.agg;

import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * AVG of a DOUBLE column whose variance or standard deviation the same aggregate computes: the
 * mean the {@link MomentsAccumulator} keeps anyway, so the column is summed once, not twice (the
 * 3-sigma query asks for both). Holds no state of its own; adding and merging are the moments'.
 */
final class MeanOfMoments extends Accumulator {
  private final MomentsAccumulator moments;

  private MeanOfMoments(MomentsAccumulator moments) {
    this.moments = moments;
  }

  /**
   * Replaces each AVG accumulator of a DOUBLE column by the mean of a moments accumulator over
   * the same column (neither with FILTER), where there is one.
   */
  static void share(List<AggCall> calls, ValueKind[] kinds, Accumulator[] accumulators) {
    for (int i = 0; i < calls.size(); i++) {
      AggCall avg = calls.get(i);
      if (avg.kind() != AggKind.AVG || avg.filter() != null || kinds[avg.column()] != ValueKind.DOUBLE) {
        continue;
      }
      for (int j = 0; j < calls.size(); j++) {
        AggCall m = calls.get(j);
        if (m.kind().moments() && m.filter() == null && m.column() == avg.column()
            && accumulators[j] instanceof MomentsAccumulator moments) {
          accumulators[i] = new MeanOfMoments(moments);
          break;
        }
      }
    }
  }

  @Override
  void ensure(int groups) {}

  @Override
  void add(int[] groups, int group, ColumnBatch values, int[] positions, int n) {}

  @Override
  void merge(Accumulator other, int[] map, int groups) {}

  @Override
  Object result(int group, SqlTypeName type) {
    return moments.mean(group, type);
  }

  @Override
  int bytesPerGroup() {
    return 0;
  }
}
