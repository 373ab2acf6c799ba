package dev.wafer.adapter.agg;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.types.Types.MinorType;

/**
 * Group ids of the rows of a batch grouped by ONE column, read straight from the Arrow buffer
 * with an array lookup per row instead of a hash probe: a dictionary-encoded string column
 * indexes a per-dictionary table (dictionary index to group id), an integer column of a small
 * value range indexes a table by {@code value - low}. The hash table of the partial is asked only
 * on a key's first sight. One instance per worker (not thread-safe); columns it cannot serve
 * (plain strings, wide value ranges, time buckets) go through the general path.
 */
final class DirectKeyGroups {
  /** Largest value range an integer key may span (entries of the lookup table: 1 MB of ints). */
  static final int MAX_RANGE = 1 << 18;
  /** Largest string code served by the code-to-group table (4 MB of ints); larger codes probe the hash. */
  static final int MAX_CODE_TABLE = 1 << 20;

  private final GroupTable table;
  private final StringCodes codes;
  private final Map<String[], int[]> dictionaryGroups = new IdentityHashMap<>();
  private long low;
  private int[] valueGroups = new int[0];
  /**
   * Group of each string code seen by this worker: each file has its own dictionary, so without
   * this table a 10,000-value column over 116 files costs 1.2 million hash probes per query.
   */
  private int[] codeGroups = new int[0];

  DirectKeyGroups(GroupTable table, StringCodes codes) {
    this.table = table;
    this.codes = codes;
  }

  /** Whether {@link #groups} can serve this batch's column. */
  static boolean serves(FieldVector v, String[] dictionary) {
    if (v == null) {
      return false;
    }
    if (dictionary != null) {
      return v instanceof IntVector;
    }
    MinorType t = v.getMinorType();
    return t == MinorType.INT || t == MinorType.DATEDAY || t == MinorType.SMALLINT || t == MinorType.TINYINT;
  }

  /**
   * Writes the group of every selected row to {@code out[row]}.
   *
   * @param nulls the column's validity (only read when it may hold nulls)
   * @param base selected rows, or null for rows {@code 0..n-1}
   * @return false (nothing written) when an integer batch spans more than {@link #MAX_RANGE} values
   */
  boolean groups(FieldVector v, String[] dictionary, ColumnBatch nulls, int rows, int[] base, int n, int[] out) {
    if (dictionary != null) {
      int[] map = dictionaryGroups.computeIfAbsent(dictionary, d -> filled(d.length));
      dictionaryRows(v, dictionary, map, nulls, base, n, out);
      return true;
    }
    MinorType t = v.getMinorType();
    int shift = t == MinorType.INT || t == MinorType.DATEDAY ? 2 : t == MinorType.SMALLINT ? 1 : 0;
    long a = v.getDataBufferAddress();
    if (!coverRange(a, shift, rows)) {
      return false;
    }
    boolean mayBeNull = nulls.mayBeNull();
    if (shift == 2 && !mayBeNull) {
      intRows(a, base, n, out);
      return true;
    }
    // the NULL group only once a selected row is NULL: a filter may have dropped every NULL row
    int nullGroup = -1;
    int[] map = valueGroups;
    long lo = low;
    for (int i = 0; i < n; i++) {
      int r = base == null ? i : base[i];
      if (mayBeNull && nulls.isNull(r)) {
        out[r] = nullGroup >= 0 ? nullGroup : (nullGroup = table.findOne(0, 1));
        continue;
      }
      long x = read(a, shift, r);
      int slot = (int) (x - lo);
      int g = map[slot];
      if (g < 0) {
        g = table.findOne(x, 0);
        map[slot] = g;
      }
      out[r] = g;
    }
    return true;
  }

  /** The common case, 32-bit values without nulls, as its own tight loop. */
  private void intRows(long a, int[] base, int n, int[] out) {
    int[] map = valueGroups;
    int lo = (int) low;
    for (int i = 0; i < n; i++) {
      int r = base == null ? i : base[i];
      int x = MemoryUtil.getInt(a + 4L * r);
      int g = map[x - lo];
      if (g < 0) {
        g = table.findOne(x, 0);
        map[x - lo] = g;
      }
      out[r] = g;
    }
  }

  private void dictionaryRows(FieldVector v, String[] dictionary, int[] map, ColumnBatch nulls, int[] base, int n,
      int[] out) {
    long a = v.getDataBufferAddress();
    boolean mayBeNull = nulls.mayBeNull();
    int nullGroup = -1;
    int[] entryCodes = codes.codes(dictionary);
    for (int i = 0; i < n; i++) {
      int r = base == null ? i : base[i];
      if (mayBeNull && nulls.isNull(r)) {
        out[r] = nullGroup >= 0 ? nullGroup : (nullGroup = table.findOne(0, 1));
        continue;
      }
      int index = MemoryUtil.getInt(a + 4L * r);
      if (index < 0 || index >= map.length) {
        throw new IllegalStateException("column '" + v.getName() + "': dictionary index " + index
            + " outside dictionary of " + map.length + " values");
      }
      int g = map[index];
      out[r] = g >= 0 ? g : firstSight(map, entryCodes, index);
    }
  }

  /**
   * The group of each entry {@code d < size} of a dictionary that has {@code seen[d] != 0}, into
   * {@code groupOf[d]} (a null entry is the NULL key). Goes through the string codes, looked up
   * once per call, and this worker's code-to-group table, without a table per dictionary: a fresh
   * worker meets every file's dictionary, and filling one table per dictionary (or looking the
   * codes up per entry) was a tenth of a count by a dictionary column.
   */
  void entryGroups(String[] dictionary, int[] seen, int size, int[] groupOf) {
    int[] entryCodes = codes.codes(dictionary);
    for (int d = 0; d < size; d++) {
      if (seen[d] != 0) {
        int code = entryCodes[d];
        groupOf[d] = code < 0 ? table.findOne(0, 1) : codeGroup(code);
      }
    }
  }

  /** Looks up, and remembers in {@code map}, the group of a dictionary entry seen the first time. */
  private int firstSight(int[] map, int[] entryCodes, int index) {
    int code = entryCodes[index]; // a null entry of the dictionary (-1) is a NULL key
    int g = code < 0 ? table.findOne(0, 1) : codeGroup(code);
    map[index] = g;
    return g;
  }

  /** Number of groups of the table this instance fills. */
  int groupCount() {
    return table.size();
  }

  private int codeGroup(int code) {
    if (code >= codeGroups.length) {
      if (code >= MAX_CODE_TABLE) {
        return table.findOne(code, 0);
      }
      int[] grown = filled(Math.min(MAX_CODE_TABLE, Math.max(code + 1, 2 * codeGroups.length)));
      System.arraycopy(codeGroups, 0, grown, 0, codeGroups.length);
      codeGroups = grown;
    }
    int g = codeGroups[code];
    if (g < 0) {
      g = table.findOne(code, 0);
      codeGroups[code] = g;
    }
    return g;
  }

  /** Grows the value table to cover this batch's values; false when the range would be too wide. */
  private boolean coverRange(long a, int shift, int rows) {
    if (rows == 0) {
      return true;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int r = 0; r < rows; r++) {
      long x = read(a, shift, r);
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    long hi = low + valueGroups.length - 1;
    if (valueGroups.length > 0 && min >= low && max <= hi) {
      return true;
    }
    long newLow = valueGroups.length == 0 ? min : Math.min(low, min);
    long newHi = valueGroups.length == 0 ? max : Math.max(hi, max);
    if (newHi - newLow + 1 > MAX_RANGE) {
      return false;
    }
    int[] grown = filled((int) (newHi - newLow + 1));
    if (valueGroups.length > 0) {
      System.arraycopy(valueGroups, 0, grown, (int) (low - newLow), valueGroups.length);
    }
    valueGroups = grown;
    low = newLow;
    return true;
  }

  private static long read(long a, int shift, int r) {
    switch (shift) {
      case 2: return MemoryUtil.getInt(a + 4L * r);
      case 1: return MemoryUtil.getShort(a + 2L * r);
      default: return MemoryUtil.getByte(a + r);
    }
  }

  private static int[] filled(int length) {
    int[] a = new int[length];
    Arrays.fill(a, -1);
    return a;
  }
}
