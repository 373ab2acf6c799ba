package dev.wafer.adapter.arrow;

import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Dense ids, in first-seen order, for byte strings read in place from Arrow buffers: the values of
 * a plain string column, which repeat a few values over millions of rows. A row costs a hash of its
 * bytes and one probe of an open-addressing table; a value is copied to the heap once, when first
 * seen. Scans use it to turn rows into query-wide string codes, writers to dictionary-encode.
 *
 * <p>Bounded: once it holds {@code maxEntries} values, a new one gets {@link #FULL} and is not
 * added, so a column of unique values costs bounded memory. Not thread-safe.
 */
public final class Utf8Table {
  /** What {@link #id} returns for a value not yet held when the table is full. */
  public static final int FULL = -1;
  /** The most values a table may be asked to hold: its slot arrays stay below 2^26 entries. */
  public static final int MAX_CAPACITY = 1 << 24;
  private static final long M = 0x9E3779B97F4A7C15L;
  private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
  /**
   * Slots, at most half full, and at least {@value #MIN_SLOTS} of them: a row's value is random,
   * so a second probe is a mispredicted branch (7 ns here); a sparse table finds a column's few
   * values at the first.
   */
  private static final int MIN_SLOTS = 1024;

  private final int maxEntries;
  private byte[][] keys = new byte[MIN_SLOTS][];
  private int[] hashes = new int[MIN_SLOTS];
  private int[] ids = new int[MIN_SLOTS];
  /** Per slot, a value of at most 8 bytes as a word (see {@link #word}); 0 for longer ones. */
  private long[] words = new long[MIN_SLOTS];
  private byte[][] byId = new byte[16][];
  private int size;
  private long bytes;

  /** A table that holds at most {@code maxEntries} distinct values. */
  public Utf8Table(int maxEntries) {
    if (maxEntries < 1 || maxEntries > MAX_CAPACITY) {
      throw new IllegalArgumentException("maxEntries must be in 1.." + MAX_CAPACITY + ": " + maxEntries);
    }
    this.maxEntries = maxEntries;
  }

  /**
   * The id of the {@code length} bytes at {@code address}, adding them as id {@link #size()} when
   * new; {@link #FULL} when new and the table is full.
   *
   * @param end the end of the buffer they are in: up to 8 bytes are read at once below it
   */
  public int id(long address, int length, long end) {
    if (length <= 8) {
      // the common case (ids, names, units) as one word: no byte loop, one comparison
      long w = word(address, length, end);
      int h = mix(w * M + length);
      int mask = keys.length - 1;
      for (int slot = h & mask; ; slot = (slot + 1) & mask) {
        byte[] k = keys[slot];
        if (k == null) {
          return insert(slot, h, address, length, w);
        }
        if (words[slot] == w && k.length == length) {
          return ids[slot];
        }
      }
    }
    int h = hash(address, length);
    int mask = keys.length - 1;
    for (int slot = h & mask; ; slot = (slot + 1) & mask) {
      byte[] k = keys[slot];
      if (k == null) {
        return insert(slot, h, address, length, 0);
      }
      if (hashes[slot] == h && k.length == length && sameBytes(k, address)) {
        return ids[slot];
      }
    }
  }

  /** Distinct values held. */
  public int size() {
    return size;
  }

  /** Bytes of the distinct values held, together. */
  public long bytes() {
    return bytes;
  }

  /** The bytes of the value with this id (not a copy: do not modify). */
  public byte[] bytes(int id) {
    if (id < 0 || id >= size) {
      throw new IndexOutOfBoundsException("id " + id + " of " + size);
    }
    return byId[id];
  }

  /** Forgets every value; ids start again at 0. */
  public void clear() {
    Arrays.fill(keys, null);
    Arrays.fill(byId, 0, size, null);
    size = 0;
    bytes = 0;
  }

  /** The {@code length} (at most 8) bytes at {@code address} as a word, zero above them. */
  private static long word(long address, int length, long end) {
    if (LITTLE_ENDIAN && address + 8 <= end) {
      long w = MemoryUtil.getLong(address);
      return length == 8 ? w : w & ((1L << (8 * length)) - 1);
    }
    long w = 0;
    for (int i = 0; i < length; i++) {
      w |= (MemoryUtil.getByte(address + i) & 0xFFL) << (8 * i);
    }
    return w;
  }

  private int insert(int slot, int h, long address, int length, long word) {
    if (size >= maxEntries) {
      return FULL;
    }
    byte[] bytes = new byte[length];
    MemoryUtil.copyFromMemory(address, bytes, 0, length);
    if (2 * (size + 1) > keys.length) {
      grow();
      int mask = keys.length - 1;
      slot = h & mask;
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
    }
    if (size == byId.length) {
      byId = Arrays.copyOf(byId, 2 * size);
    }
    int id = size++;
    this.bytes += length;
    keys[slot] = bytes;
    hashes[slot] = h;
    words[slot] = word;
    ids[slot] = id;
    byId[id] = bytes;
    return id;
  }

  private void grow() {
    byte[][] oldKeys = keys;
    int[] oldHashes = hashes;
    int[] oldIds = ids;
    long[] oldWords = words;
    keys = new byte[2 * oldKeys.length][];
    hashes = new int[keys.length];
    ids = new int[keys.length];
    words = new long[keys.length];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int s = oldHashes[i] & mask;
        while (keys[s] != null) {
          s = (s + 1) & mask;
        }
        keys[s] = oldKeys[i];
        hashes[s] = oldHashes[i];
        ids[s] = oldIds[i];
        words[s] = oldWords[i];
      }
    }
  }

  private static boolean sameBytes(byte[] k, long address) {
    int i = 0;
    for (; i + 8 <= k.length; i += 8) {
      if (MemoryUtil.getLong(address + i) != MemoryUtil.getLong(k, i)) {
        return false;
      }
    }
    for (; i < k.length; i++) {
      if (MemoryUtil.getByte(address + i) != k[i]) {
        return false;
      }
    }
    return true;
  }

  /** A hash of the bytes, 8 at a time. */
  static int hash(long address, int length) {
    long h = length * M;
    int i = 0;
    for (; i + 8 <= length; i += 8) {
      h = (h ^ MemoryUtil.getLong(address + i)) * M;
    }
    long tail = 0;
    for (int shift = 0; i < length; i++, shift += 8) {
      tail |= (MemoryUtil.getByte(address + i) & 0xFFL) << shift;
    }
    return mix((h ^ tail) * M);
  }

  private static int mix(long h) {
    return (int) (h ^ (h >>> 29) ^ (h >>> 47));
  }
}
