package dev.wafer.adapter.agg;

import java.util.Arrays;

/**
 * Dense group ids for key tuples: a primitive open-addressing hash table (linear probing, power
 * of two capacity, load factor 1/2) over tuples of {@code width} longs — one long per key plus a
 * last word of null bits (bit j set: key j is NULL, its value word is 0). Keys are stored by group
 * id, so results and merges read them back in id order. Nothing is boxed.
 */
final class GroupTable {
  private final int width;
  private long[] keys;
  private int[] slots;
  private int mask;
  private int size;

  GroupTable(int width) {
    this.width = width;
    this.keys = new long[16 * width];
    this.slots = new int[32];
    this.mask = slots.length - 1;
  }

  int size() {
    return size;
  }

  int width() {
    return width;
  }

  /** Bytes per group held by this table (keys, plus two slots at load factor 1/2). */
  long bytesPerGroup() {
    return 8L * width + 8;
  }

  /** Word {@code w} of the key tuple of group {@code id}. */
  long key(int id, int w) {
    return keys[id * width + w];
  }

  /** The id of {@code tuple[0..width)}, added when new. */
  int find(long[] tuple) {
    int h = hash(tuple) & mask;
    while (true) {
      int s = slots[h];
      if (s == 0) {
        return add(tuple, h);
      }
      if (equal(s - 1, tuple)) {
        return s - 1;
      }
      h = (h + 1) & mask;
    }
  }

  /**
   * The id of row r's key tuple: key j's word is {@code values[j][r]}, or NULL by {@code
   * columns[j]}; {@code scratch} holds the tuple (width words).
   */
  int findRow(long[][] values, ColumnBatch[] columns, int r, long[] scratch) {
    int keys = width - 1;
    long nulls = 0;
    for (int j = 0; j < keys; j++) {
      if (columns[j].isNull(r)) {
        nulls |= 1L << j;
        scratch[j] = 0;
      } else {
        scratch[j] = values[j][r];
      }
    }
    scratch[keys] = nulls;
    return find(scratch);
  }

  /** {@link #find} for one key: the tuple (value, nullBits) without an array. */
  int findOne(long value, long nullBits) {
    int h = (int) mix(mix(value) ^ nullBits) & mask;
    while (true) {
      int s = slots[h];
      if (s == 0) {
        long[] t = {value, nullBits};
        return add(t, h);
      }
      int base = (s - 1) * 2;
      if (keys[base] == value && keys[base + 1] == nullBits) {
        return s - 1;
      }
      h = (h + 1) & mask;
    }
  }

  private int add(long[] tuple, int slot) {
    int id = size++;
    if ((id + 1) * width > keys.length) {
      keys = Arrays.copyOf(keys, keys.length * 2);
    }
    System.arraycopy(tuple, 0, keys, id * width, width);
    slots[slot] = id + 1;
    if (size * 2 > slots.length) {
      rehash();
    }
    return id;
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    mask = slots.length - 1;
    long[] tuple = new long[width];
    for (int id = 0; id < size; id++) {
      System.arraycopy(keys, id * width, tuple, 0, width);
      int h = hash(tuple) & mask;
      while (slots[h] != 0) {
        h = (h + 1) & mask;
      }
      slots[h] = id + 1;
    }
  }

  private boolean equal(int id, long[] tuple) {
    int base = id * width;
    for (int w = 0; w < width; w++) {
      if (keys[base + w] != tuple[w]) {
        return false;
      }
    }
    return true;
  }

  private int hash(long[] tuple) {
    long h = mix(tuple[0]);
    for (int w = 1; w < width; w++) {
      h = mix(h ^ tuple[w]);
    }
    return (int) h;
  }

  /** Murmur3's 64-bit finalizer: spreads clustered keys (dates, ids) over the slots. */
  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
