package dev.wafer.adapter.agg;

import java.util.Arrays;

/**
 * Group ids for rows grouped by SEVERAL keys without hashing the key tuple per row: each key's
 * values get small dense ids (a string code through an array, other values through a one-word
 * hash table of that key alone, both tiny and cache-resident), and the {@link GroupTable} is
 * asked only on a miss of one of two direct tables:
 *
 * <ul>
 *   <li>few combinations (the ids pack into at most {@link #CELL_BITS} bits, e.g. wafer and test):
 *       a table of every combination, 256 KB at most;
 *   <li>more (e.g. wafer and device): a table indexed by the id of the key with the most values,
 *       remembering the other keys' ids and the group last seen with it. Keys that depend on that
 *       key (a device is on one wafer) always hit; a full combination table would be sparse and
 *       miss the cache on every row.
 * </ul>
 *
 * Id ranges grow by powers of two (the tables are then re-learnt). One instance per worker (not
 * thread-safe); when the other keys' ids no longer pack into an int, it stops serving and the
 * caller hashes.
 */
final class DenseKeyCells {
  /** Largest table of every combination: 2^16 ints, 256 KB. */
  static final int CELL_BITS = 16;
  /** Bits of the indexing key's ids in the by-largest-key table: two tables of 2^20 ints, 8 MB. */
  private static final int BIG_BITS = 20;
  /** Bits the other keys' ids may take together in the by-largest-key table. */
  private static final int OTHER_BITS = 30;
  /** Largest string code served by the code-to-id arrays. */
  private static final int MAX_CODE = 1 << 20;

  private final GroupTable table;
  private final boolean[] stringKey;
  private final int keys;
  private final int[][] idOfCode;
  private final GroupTable[] idOfValue;
  private final int[] nullId;
  private final int[] count;
  private final int[] bits;
  private final int[] shift;
  private final int[] ids;
  private final long[] tuple;
  private int[] cells;
  /** The key indexing the by-largest-key table, or -1 while every combination has a cell. */
  private int big = -1;
  private int[] lastOthers = new int[0];
  private int[] lastGroup = new int[0];
  private boolean serving = true;
  /** Rows per judgement of the hit rate. */
  private static final long WINDOW = 1 << 18;
  /** Rows grouped in this window, and of those, the misses that asked the group table. */
  private long rowsSeen;
  private long misses;

  /** @param stringKey per key, whether its values are string codes */
  DenseKeyCells(GroupTable table, boolean[] stringKey) {
    this.table = table;
    this.stringKey = stringKey.clone();
    keys = stringKey.length;
    idOfCode = new int[keys][];
    idOfValue = new GroupTable[keys];
    for (int j = 0; j < keys; j++) {
      idOfCode[j] = new int[0];
      idOfValue[j] = stringKey[j] ? null : new GroupTable(2);
    }
    nullId = new int[keys];
    Arrays.fill(nullId, -1);
    count = new int[keys];
    bits = new int[keys];
    shift = new int[keys];
    Arrays.fill(bits, 1);
    layout();
    ids = new int[keys];
    tuple = new long[keys + 1];
  }

  /**
   * Writes the group of every selected row to {@code out[row]}.
   *
   * @param values per key, its values (string codes, or the table's key words) by row
   * @param columns per key, its batch (for NULLs)
   * @return false when this instance no longer serves (too many distinct values): nothing is
   *     written, the caller hashes the tuples
   */
  boolean groups(long[][] values, ColumnBatch[] columns, int[] base, int n, int[] out) {
    if (!serving) {
      return false;
    }
    if (rowsSeen >= WINDOW) {
      if (misses * 2 > rowsSeen) {
        stopServing(); // combinations barely repeat (keys independent of the indexing key): hashing is cheaper
        return false;
      }
      rowsSeen = 0;
      misses = 0;
    }
    rowsSeen += n;
    if (keys == 2 && stringKey[0] && stringKey[1] && !columns[0].mayBeNull() && !columns[1].mayBeNull()) {
      return twoStrings(values[0], values[1], values, columns, base, n, out);
    }
    for (int i = 0; i < n; i++) {
      int r = base == null ? i : base[i];
      int g = row(values, columns, r);
      if (g < 0) {
        return false;
      }
      out[r] = g;
    }
    return true;
  }

  /**
   * The common case, two string keys without NULLs, as one tight loop over the arrays; a row that
   * misses (a new value, a new combination, a table to grow) takes the general {@link #row}.
   */
  private boolean twoStrings(long[] v0, long[] v1, long[][] values, ColumnBatch[] columns, int[] base, int n,
      int[] out) {
    int[] m0 = idOfCode[0];
    int[] m1 = idOfCode[1];
    int cap0 = 1 << bits[0];
    int cap1 = 1 << bits[1];
    int s1 = shift[1];
    int[] c = cells;
    int[] others = lastOthers;
    int[] last = lastGroup;
    int by = big;
    for (int i = 0; i < n; i++) {
      int r = base == null ? i : base[i];
      long x0 = v0[r];
      long x1 = v1[r];
      int g = -1;
      if (x0 < m0.length && x1 < m1.length) {
        int d0 = m0[(int) x0];
        int d1 = m1[(int) x1];
        if (d0 >= 0 && d1 >= 0 && d0 < cap0 && d1 < cap1) {
          if (by < 0) {
            g = c[d0 | d1 << s1] - 1;
          } else {
            int slot = by == 0 ? d0 : d1;
            int other = by == 0 ? d1 << s1 : d0;
            g = others[slot] == other ? last[slot] - 1 : -1;
          }
        }
      }
      if (g < 0) {
        g = row(values, columns, r);
        if (g < 0) {
          return false;
        }
        m0 = idOfCode[0];
        m1 = idOfCode[1];
        cap0 = 1 << bits[0];
        cap1 = 1 << bits[1];
        s1 = shift[1];
        c = cells;
        others = lastOthers;
        last = lastGroup;
        by = big;
      }
      out[r] = g;
    }
    return true;
  }

  /** The group of row r by the general path, learning ids and cells; -1 when no longer serving. */
  private int row(long[][] values, ColumnBatch[] columns, int r) {
    boolean fits = true;
    for (int j = 0; j < keys; j++) {
      int id = columns[j].isNull(r) ? nullId(j) : id(j, values[j][r]);
      if (id < 0) {
        return -1;
      }
      ids[j] = id;
      fits &= id < 1 << bits[j];
    }
    if (!fits && !grow()) {
      return -1;
    }
    int packed = 0;
    for (int j = 0; j < keys; j++) {
      if (j != big) {
        packed |= ids[j] << shift[j];
      }
    }
    if (big < 0) {
      int g = cells[packed] - 1;
      if (g < 0) {
        g = find(values, columns, r);
        cells[packed] = g + 1;
      }
      return g;
    }
    int slot = ids[big];
    int g = lastGroup[slot] - 1;
    if (g < 0 || lastOthers[slot] != packed) {
      g = find(values, columns, r);
      lastOthers[slot] = packed;
      lastGroup[slot] = g + 1;
    }
    return g;
  }

  /** For good: the caller hashes from now on, and the tables are let go. */
  private void stopServing() {
    serving = false;
    cells = null;
    lastOthers = null;
    lastGroup = null;
    Arrays.fill(idOfValue, null);
    Arrays.fill(idOfCode, null);
  }

  private int find(long[][] values, ColumnBatch[] columns, int r) {
    misses++;
    return table.findRow(values, columns, r, tuple);
  }

  private int nullId(int j) {
    if (!stringKey[j]) {
      // ids of other keys come from their one-word table: NULL must be one of its entries
      int id = idOfValue[j].findOne(0, 1);
      count[j] = Math.max(count[j], id + 1);
      return id;
    }
    if (nullId[j] < 0) {
      nullId[j] = count[j]++;
    }
    return nullId[j];
  }

  /** The dense id of a non-null value of key j, or -1 when a string code is too large to serve. */
  private int id(int j, long value) {
    if (!stringKey[j]) {
      int id = idOfValue[j].findOne(value, 0);
      count[j] = Math.max(count[j], id + 1);
      return id;
    }
    if (value >= MAX_CODE) {
      stopServing();
      return -1;
    }
    int code = (int) value;
    int[] map = idOfCode[j];
    if (code >= map.length) {
      int old = map.length;
      map = Arrays.copyOf(map, Math.min(MAX_CODE, Math.max(code + 1, old * 2 + 16)));
      Arrays.fill(map, old, map.length, -1);
      idOfCode[j] = map;
    }
    int id = map[code];
    if (id < 0) {
      id = count[j]++;
      map[code] = id;
    }
    return id;
  }

  /**
   * Widens the keys whose ids outgrew their bits and re-lays the tables; false (and no longer
   * serving) when the other keys' ids would not pack into an int.
   */
  private boolean grow() {
    int[] before = bits.clone();
    int bigBefore = big;
    int total = 0;
    for (int j = 0; j < keys; j++) {
      while (count[j] > 1 << bits[j]) {
        bits[j]++;
      }
      total += bits[j];
    }
    if (big < 0 && total > CELL_BITS) {
      big = 0;
      for (int j = 1; j < keys; j++) {
        big = count[j] > count[big] ? j : big;
      }
    }
    if (big >= 0 && (total - bits[big] > OTHER_BITS || bits[big] > BIG_BITS)) {
      stopServing();
      return false;
    }
    boolean onlyBigGrew = bigBefore == big && big >= 0;
    for (int j = 0; j < keys; j++) {
      onlyBigGrew &= j == big || bits[j] == before[j];
    }
    if (onlyBigGrew) {
      // the packing of the other keys is unchanged: what was learnt stays valid
      lastOthers = Arrays.copyOf(lastOthers, 1 << bits[big]);
      lastGroup = Arrays.copyOf(lastGroup, 1 << bits[big]);
      return true;
    }
    layout();
    return true;
  }

  /** Shifts from the bits (the indexing key is not packed), and empty tables, re-learnt from the group table. */
  private void layout() {
    int s = 0;
    for (int j = 0; j < keys; j++) {
      shift[j] = s;
      s += j == big ? 0 : bits[j];
    }
    if (big < 0) {
      cells = new int[1 << s];
    } else {
      cells = null;
      lastOthers = new int[1 << bits[big]];
      lastGroup = new int[1 << bits[big]];
    }
  }
}
