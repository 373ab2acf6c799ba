package dev.wafer.adapter.predicate;

import dev.wafer.adapter.arrow.NullCounts;
import java.util.Map;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/**
 * The loops {@link BatchFilter} runs on dictionary-encoded columns: a leaf predicate is evaluated
 * once per dictionary entry, then each row looks its index up in that table.
 */
final class DictionaryKernels {
  private DictionaryKernels() {}

  /**
   * A leaf's result for each entry of one dictionary, and how many are TRUE: none or all settles
   * a batch without NULLs without reading its indexes.
   */
  static final class EntryResults {
    final String[] dictionary;
    final byte[] table;
    final int trueEntries;

    private EntryResults(String[] dictionary, byte[] table) {
      this.dictionary = dictionary;
      this.table = table;
      int t = 0;
      for (byte b : table) {
        t += b == Tri.TRUE ? 1 : 0;
      }
      this.trueEntries = t;
    }

    /** No entry is TRUE (an empty dictionary says nothing: its indexes, if any, are corrupt). */
    boolean noneTrue() {
      return table.length > 0 && trueEntries == 0;
    }

    boolean allTrue() {
      return table.length > 0 && trueEntries == table.length;
    }
  }

  /**
   * The leaf's result for each entry of a dictionary, computed once per dictionary and kept in
   * {@code cache} (one per thread, keyed by leaf).
   */
  static EntryResults results(ScanPredicate leaf, String[] dictionary, Map<ScanPredicate, EntryResults> cache) {
    EntryResults cached = cache.get(leaf);
    if (cached != null && cached.dictionary == dictionary) {
      return cached;
    }
    byte[] table = new byte[dictionary.length];
    for (int d = 0; d < dictionary.length; d++) {
      table[d] = ValueEvaluator.leaf(leaf, dictionary[d]);
    }
    if (cache.size() >= 64) {
      cache.clear(); // bounded: a worker thread outlives many scans and files
    }
    EntryResults r = new EntryResults(dictionary, table);
    cache.put(leaf, r);
    return r;
  }

  /**
   * Positions of the rows whose entry is TRUE in {@code table}, for 32-bit indexes without NULLs,
   * in one branch-free pass; returns their number ({@code positions} needs a spare slot, or is
   * null to count only: the test is loop-invariant, the JIT unswitches it).
   */
  static int select(FieldVector indices, byte[] table, int rows, int[] positions) {
    long a = indices.getDataBufferAddress();
    int k = 0;
    for (int i = 0; i < rows; i++) {
      int d = MemoryUtil.getInt(a + 4L * i);
      if (d < 0 || d >= table.length) {
        throw badIndex(indices, d, table.length);
      }
      if (positions != null) {
        positions[k] = i;
      }
      k += table[d] >> 1;
    }
    return k;
  }

  /**
   * {@code out[i]} = the leaf's result for row i: its entry's in {@code table}, or the leaf's
   * result for NULL where the index is NULL.
   *
   * @param idx scratch of at least {@code rows} longs
   */
  static void leaf(ScanPredicate leaf, FieldVector indices, byte[] table, long[] idx, byte[] out, int rows) {
    boolean nulls = NullCounts.of(indices) > 0;
    if (!nulls && indices instanceof IntVector) {
      // the common case as one pass over the 32-bit indexes, without widening them first
      long a = indices.getDataBufferAddress();
      for (int i = 0; i < rows; i++) {
        int d = MemoryUtil.getInt(a + 4L * i);
        if (d < 0 || d >= table.length) {
          throw badIndex(indices, d, table.length);
        }
        out[i] = table[d];
      }
      return;
    }
    RawColumn.readLongs(indices, idx, rows);
    long validity = indices.getValidityBufferAddress();
    byte onNull = ValueEvaluator.leaf(leaf, null); // NULL, or TRUE for IS NULL
    for (int i = 0; i < rows; i++) {
      if (nulls && ((MemoryUtil.getByte(validity + (i >> 3)) >> (i & 7)) & 1) == 0) {
        out[i] = onNull;
        continue;
      }
      long d = idx[i];
      if (d < 0 || d >= table.length) {
        throw badIndex(indices, d, table.length);
      }
      out[i] = table[(int) d];
    }
  }

  static IllegalStateException badIndex(FieldVector indices, long d, int size) {
    return new IllegalStateException("column '" + indices.getName() + "': dictionary index " + d
        + " outside dictionary of " + size + " values");
  }
}
