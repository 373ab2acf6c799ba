package dev.wafer.adapter.agg;

import dev.wafer.adapter.arrow.NullCounts;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.types.Types.MinorType;

/**
 * GROUP BY one dictionary-encoded string column with COUNT, SUM and AVG calls, folded per
 * dictionary index: each call is one pass over the raw index (and value) buffers into small
 * arrays indexed by the batch's dictionary index; then each index present is looked up once and
 * its partial folded into its group. No column is decoded, no group id is written per row.
 *
 * <p>Serves a batch whose key has no NULL index and at most {@link #MAX_ENTRIES} dictionary
 * entries, and whose value columns hold no NULL (FLOAT8, INT or BIGINT vectors); other batches
 * go through the general path. Sums keep Neumaier compensation per index and lane, and partials
 * merge into groups by compensated addition, as in {@link SumDoubleAccumulator}.
 */
final class DictionaryKeyKernel {
  /** Largest dictionary served: 4096 entries keep the per-index arrays in the first cache levels. */
  static final int MAX_ENTRIES = 4096;

  private final int keyColumn;
  private final List<AggCall> calls;
  private final ValueKind[] kinds;
  private final Accumulator[] accumulators;
  private final DirectKeyGroups direct;
  private final IntConsumer ensureCapacity;
  private int[] counts = new int[0];
  /** Rows go round-robin to this many lanes per index, so equal keys close together do not chain their additions. */
  private static final int LANES = 4;
  /** Per call: {@link #LANES} sums per index, and their compensations. */
  private final double[][] sums;
  private final double[][] comps;
  private final long[][] longSums;
  private int[] groupOf = new int[0];

  private DictionaryKeyKernel(int keyColumn, List<AggCall> calls, ValueKind[] kinds, Accumulator[] accumulators,
      DirectKeyGroups direct, IntConsumer ensureCapacity) {
    this.keyColumn = keyColumn;
    this.calls = calls;
    this.kinds = kinds;
    this.accumulators = accumulators;
    this.direct = direct;
    this.ensureCapacity = ensureCapacity;
    sums = new double[calls.size()][0];
    comps = new double[calls.size()][0];
    longSums = new long[calls.size()][0];
  }

  /**
   * The kernel for an aggregate it can serve, or null: one plain string key not read by any
   * call, and only COUNT(*), COUNT(col), SUM, $SUM0 and AVG calls without FILTER.
   *
   * @param ensureCapacity makes every accumulator hold the given number of groups
   */
  static DictionaryKeyKernel of(List<GroupKey> keys, List<AggCall> calls, ValueKind[] kinds,
      Accumulator[] accumulators, DirectKeyGroups direct, IntConsumer ensureCapacity) {
    if (keys.size() != 1 || keys.get(0).transform() != KeyTransform.NONE
        || kinds[keys.get(0).column()] != ValueKind.STRING) {
      return null;
    }
    int key = keys.get(0).column();
    for (AggCall call : calls) {
      boolean sum = call.kind() == AggKind.SUM || call.kind() == AggKind.SUM0 || call.kind() == AggKind.AVG;
      boolean count = call.kind() == AggKind.COUNT_STAR || call.kind() == AggKind.COUNT;
      if (call.filter() != null || call.column() == key || !(count || sum)
          || (sum && kinds[call.column()] != ValueKind.DOUBLE && kinds[call.column()] != ValueKind.LONG)) {
        return null;
      }
    }
    return new DictionaryKeyKernel(key, calls, kinds, accumulators, direct, ensureCapacity);
  }

  /**
   * Folds the selected rows of a batch in, when this kernel serves the batch.
   *
   * @param base selected rows, or null for rows {@code 0..n-1}
   * @return false, with nothing folded, when the batch is not served
   */
  boolean accumulate(BatchColumns batch, int[] base, int n) {
    FieldVector key = batch.vector(keyColumn);
    String[] dictionary = batch.dictionary(keyColumn);
    if (!(key instanceof IntVector) || dictionary == null || dictionary.length > MAX_ENTRIES
        || NullCounts.of(key) > 0 || !valuesServed(batch)) {
      return false;
    }
    int size = dictionary.length;
    if (counts.length < size) {
      counts = new int[Math.max(size, 2 * counts.length)];
      groupOf = new int[counts.length];
    }
    long keys = key.getDataBufferAddress();
    countRows(key, keys, size, base, n);
    for (int c = 0; c < calls.size(); c++) {
      AggCall call = calls.get(c);
      if (call.kind().readsValues()) {
        FieldVector v = batch.vector(call.column());
        if (kinds[call.column()] == ValueKind.DOUBLE) {
          sumDoubles(c, keys, v.getDataBufferAddress(), size, base, n);
        } else {
          sumLongs(c, keys, v, size, base, n);
        }
      }
    }
    fold(dictionary, size);
    return true;
  }

  /** Whether every column a call reads is a loaded vector without NULLs of a type served raw. */
  private boolean valuesServed(BatchColumns batch) {
    for (AggCall call : calls) {
      if (call.column() < 0) {
        continue;
      }
      FieldVector v = batch.vector(call.column());
      if (v == null || NullCounts.of(v) > 0 || batch.dictionary(call.column()) != null) {
        return false;
      }
      MinorType t = v.getMinorType();
      if (call.kind().readsValues() && !(kinds[call.column()] == ValueKind.DOUBLE ? t == MinorType.FLOAT8
          : t == MinorType.INT || t == MinorType.BIGINT)) {
        return false;
      }
    }
    return true;
  }

  private void countRows(FieldVector key, long keys, int size, int[] base, int n) {
    int[] cnt = counts;
    for (int i = 0; i < n; i++) {
      int d = MemoryUtil.getInt(keys + 4L * (base == null ? i : base[i]));
      if (d < 0 || d >= size) {
        java.util.Arrays.fill(cnt, 0, size, 0);
        throw new IllegalStateException("column '" + key.getName() + "': dictionary index " + d
            + " outside dictionary of " + size + " values");
      }
      cnt[d]++;
    }
  }

  private void sumDoubles(int c, long keys, long values, int size, int[] base, int n) {
    if (sums[c].length < LANES * size) {
      sums[c] = new double[LANES * Math.max(size, counts.length)];
      comps[c] = new double[sums[c].length];
    }
    double[] s = sums[c];
    double[] k = comps[c];
    for (int i = 0; i < n; i++) {
      int r = base == null ? i : base[i];
      int slot = MemoryUtil.getInt(keys + 4L * r) * LANES + (i & (LANES - 1));
      double y = Double.longBitsToDouble(MemoryUtil.getLong(values + 8L * r));
      double sum = s[slot];
      double t = sum + y;
      k[slot] += Math.abs(sum) >= Math.abs(y) ? (sum - t) + y : (y - t) + sum;
      s[slot] = t;
    }
  }

  private void sumLongs(int c, long keys, FieldVector v, int size, int[] base, int n) {
    if (longSums[c].length < size) {
      longSums[c] = new long[Math.max(size, counts.length)];
    }
    long[] s = longSums[c];
    long values = v.getDataBufferAddress();
    if (v.getMinorType() == MinorType.INT) {
      for (int i = 0; i < n; i++) {
        int r = base == null ? i : base[i];
        s[MemoryUtil.getInt(keys + 4L * r)] += MemoryUtil.getInt(values + 4L * r);
      }
    } else {
      for (int i = 0; i < n; i++) {
        int r = base == null ? i : base[i];
        s[MemoryUtil.getInt(keys + 4L * r)] += MemoryUtil.getLong(values + 8L * r);
      }
    }
  }

  /** Looks up the group of each index present, then folds and clears its partials. */
  private void fold(String[] dictionary, int size) {
    int[] cnt = counts;
    direct.entryGroups(dictionary, cnt, size, groupOf);
    ensureCapacity.accept(direct.groupCount());
    for (int c = 0; c < calls.size(); c++) {
      Accumulator a = accumulators[c];
      boolean values = calls.get(c).kind().readsValues();
      boolean doubles = values && kinds[calls.get(c).column()] == ValueKind.DOUBLE;
      for (int d = 0; d < size; d++) {
        if (cnt[d] == 0) {
          continue;
        }
        int g = groupOf[d];
        if (!values) {
          ((CountAccumulator) a).addCount(g, cnt[d]);
        } else if (doubles) {
          double[] s = sums[c];
          double[] k = comps[c];
          SumDoubleAccumulator sum = (SumDoubleAccumulator) a;
          for (int l = d * LANES; l < (d + 1) * LANES; l++) {
            sum.addPartial(g, s[l], k[l], l == d * LANES ? cnt[d] : 0);
            s[l] = 0;
            k[l] = 0;
          }
        } else {
          ((SumLongAccumulator) a).addPartial(g, longSums[c][d], cnt[d]);
          longSums[c][d] = 0;
        }
      }
    }
    java.util.Arrays.fill(cnt, 0, size, 0);
  }
}
