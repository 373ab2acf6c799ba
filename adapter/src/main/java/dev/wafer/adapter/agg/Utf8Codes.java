package dev.wafer.adapter.agg;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * The {@link StringCodes} code of a UTF-8 value read in place from an Arrow buffer, remembered by
 * its bytes: a plain (not dictionary-encoded) string column, as ingested files have, repeats a few
 * values over millions of rows, and making a {@code String} of every row to look its code up
 * allocated twice per row and cost 40 ns a row. Here a row costs a hash of its bytes and one probe
 * of an open-addressing table; a value becomes a {@code String} once, when first seen.
 *
 * <p>One per scan worker: not thread-safe. Bounded: past {@value #MAX_ENTRIES} distinct values the
 * table starts over, so a column of unique values costs what it did before, not unbounded memory.
 */
final class Utf8Codes {
  static final int MAX_ENTRIES = 1 << 16;
  private static final long M = 0x9E3779B97F4A7C15L;
  private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
  /**
   * Slots, at most half full, and at least {@value #MIN_SLOTS} of them: a row's value is random,
   * so a second probe is a mispredicted branch (7 ns here); a sparse table finds a column's few
   * values at the first.
   */
  private static final int MIN_SLOTS = 1024;

  private final StringCodes codes;
  private byte[][] keys = new byte[MIN_SLOTS][];
  private int[] hashes = new int[MIN_SLOTS];
  private int[] values = new int[MIN_SLOTS];
  /** Per slot, a value of at most 8 bytes as a word (see {@link #word}); 0 for longer ones. */
  private long[] words = new long[MIN_SLOTS];
  private int size;

  Utf8Codes(StringCodes codes) {
    this.codes = codes;
  }

  /**
   * The code of the {@code length} bytes at {@code address}.
   *
   * @param end the end of the buffer they are in: up to 8 bytes are read at once below it
   */
  int code(long address, int length, long end) {
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
          return values[slot];
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
        return values[slot];
      }
    }
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

  /** Distinct values remembered (for tests). */
  int size() {
    return size;
  }

  private int insert(int slot, int h, long address, int length, long word) {
    byte[] bytes = new byte[length];
    MemoryUtil.copyFromMemory(address, bytes, 0, length);
    int code = codes.code(new String(bytes, StandardCharsets.UTF_8));
    if (size >= MAX_ENTRIES) {
      clear();
    } else if (2 * (size + 1) > keys.length) {
      grow();
    } else {
      put(slot, h, bytes, word, code);
      return code;
    }
    int mask = keys.length - 1;
    int s = h & mask;
    while (keys[s] != null) {
      s = (s + 1) & mask;
    }
    put(s, h, bytes, word, code);
    return code;
  }

  private void put(int slot, int h, byte[] bytes, long word, int code) {
    keys[slot] = bytes;
    hashes[slot] = h;
    words[slot] = word;
    values[slot] = code;
    size++;
  }

  private void grow() {
    byte[][] oldKeys = keys;
    int[] oldHashes = hashes;
    int[] oldValues = values;
    long[] oldWords = words;
    keys = new byte[2 * oldKeys.length][];
    hashes = new int[keys.length];
    values = new int[keys.length];
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
        values[s] = oldValues[i];
        words[s] = oldWords[i];
      }
    }
  }

  private void clear() {
    Arrays.fill(keys, null);
    size = 0;
  }

  private static boolean sameBytes(byte[] k, long address) {
    int i = 0;
    for (; i + 8 <= k.length; i += 8) {
      if (MemoryUtil.getLong(address + i) != longAt(k, i)) {
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

  /** The 8 bytes of {@code k} at {@code i} in the platform's byte order, as {@link MemoryUtil#getLong} reads them. */
  private static long longAt(byte[] k, int i) {
    return MemoryUtil.getLong(k, i);
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
