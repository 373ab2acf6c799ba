package dev.wafer.adapter.agg;

import dev.wafer.adapter.predicate.ColumnRange;
import java.util.List;

/**
 * The group keys that a record batch's statistics prove constant over the batch, with their
 * values as group-table words: a key column without NULLs whose smallest and largest values are
 * equal, or fall in one bucket of a monotonic time transform (a day's batch grouped by day,
 * month or date). Such a key is neither decoded nor bucketed nor looked up per row; without
 * statistics (Parquet, foreign files) the decoded values are checked instead.
 */
final class BatchConstantKeys {
  private final List<GroupKey> keys;
  private final ValueKind[] kinds;
  private final boolean[] dates;
  private final StringCodes codes;
  /** Per key: whether it is constant in the current batch by its statistics. */
  final boolean[] constant;
  /** Per key: its table word in the current batch, where {@link #constant}. */
  final long[] words;

  BatchConstantKeys(List<GroupKey> keys, ValueKind[] kinds, boolean[] dates, StringCodes codes) {
    this.keys = keys;
    this.kinds = kinds;
    this.dates = dates;
    this.codes = codes;
    constant = new boolean[keys.size()];
    words = new long[keys.size()];
  }

  /** Finds the constant keys of {@code batch}; returns whether every key is constant (read or proven). */
  boolean find(BatchColumns batch) {
    boolean all = true;
    for (int j = 0; j < keys.size(); j++) {
      GroupKey k = keys.get(j);
      constant[j] = batch.vector(k.column()) != null && proven(j, k, batch.range(k.column()));
      all &= constant[j] || batch.vector(k.column()) == null;
    }
    return all;
  }

  /** Forgets the current batch (a batch answered from constants alone has no statistics to use). */
  void clear() {
    java.util.Arrays.fill(constant, false);
  }

  private boolean proven(int j, GroupKey k, ColumnRange r) {
    if (r == null || r.mayBeNull() || r.mayBeNaN() || !r.mayHaveValues() || r.min() == null || r.max() == null) {
      return false;
    }
    ValueKind kind = kinds[k.column()];
    if (k.transform() == KeyTransform.NONE) {
      if (!r.min().equals(r.max())) {
        return false;
      }
      if (kind == ValueKind.STRING && r.min() instanceof String s) {
        words[j] = codes.code(s);
        return true;
      }
      if (kind == ValueKind.DOUBLE && r.min() instanceof Number n) {
        double d = n.doubleValue();
        words[j] = d == 0 ? 0 : Double.doubleToLongBits(d);
        return true;
      }
      Long x = asLong(r.min());
      words[j] = x == null ? 0 : x;
      return x != null && kind == ValueKind.LONG;
    }
    Long lo = asLong(r.min());
    Long hi = asLong(r.max());
    if (!k.transform().monotonic() || kind != ValueKind.LONG || lo == null || hi == null) {
      return false;
    }
    boolean date = dates[k.column()];
    long first = k.transform().apply(lo, date);
    words[j] = first;
    return first == k.transform().apply(hi, date);
  }

  private static Long asLong(Object v) {
    if (v instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    return null;
  }
}
