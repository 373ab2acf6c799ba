package dev.wafer.adapter.predicate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Predicates on plain (not dictionary-encoded) UTF-8 string columns, on the raw bytes: equality
 * is byte equality, order is unsigned byte order (the same as Java's {@code compareTo} for the
 * literals the translator admits, see {@link PredicateTranslator}), and LIKE patterns made of
 * literal text and {@code %} match byte segments. Other LIKE patterns decode each value and use
 * Calcite's matcher, which allocates a String per row.
 */
final class StringKernels {
  private StringKernels() {}

  static boolean supports(FieldVector v) {
    return v instanceof VarCharVector || v instanceof LargeVarCharVector;
  }

  /** Start offset of value i. */
  private static long start(FieldVector v, long offsets, int i) {
    return v instanceof LargeVarCharVector ? MemoryUtil.getLong(offsets + 8L * i) : MemoryUtil.getInt(offsets + 4L * i);
  }

  /** {@code value op literal} for rows {@code [0, rows)}; null slots are fixed up by the caller. */
  static void compare(FieldVector v, CompareOp op, byte[] literal, byte[] out, int rows) {
    long offsets = v.getOffsetBufferAddress();
    long data = v.getDataBufferAddress();
    long s = start(v, offsets, 0);
    for (int i = 0; i < rows; i++) {
      long e = start(v, offsets, i + 1);
      out[i] = Tri.of(op.test(compareBytes(data + s, (int) (e - s), literal)));
      s = e;
    }
  }

  /** {@code value IN (literals)}. */
  static void in(FieldVector v, byte[][] literals, byte[] out, int rows) {
    long offsets = v.getOffsetBufferAddress();
    long data = v.getDataBufferAddress();
    long s = start(v, offsets, 0);
    for (int i = 0; i < rows; i++) {
      long e = start(v, offsets, i + 1);
      int len = (int) (e - s);
      boolean hit = false;
      for (byte[] l : literals) {
        if (l.length == len && compareBytes(data + s, len, l) == 0) {
          hit = true;
          break;
        }
      }
      out[i] = Tri.of(hit);
      s = e;
    }
  }

  /**
   * The literal segments of a LIKE pattern made only of text and {@code %} (no {@code _}, no
   * escape), or null when the pattern needs the general matcher.
   */
  static byte[][] segments(String pattern, String escape) {
    if (escape != null || pattern.indexOf('_') >= 0) {
      return null;
    }
    List<byte[]> parts = new ArrayList<>();
    for (String p : pattern.split("%", -1)) {
      parts.add(p.getBytes(StandardCharsets.UTF_8));
    }
    return parts.toArray(new byte[0][]);
  }

  /**
   * LIKE by segments: the first must be a prefix, the last a suffix, the middle ones found in
   * order. UTF-8 is self-synchronizing, so byte matches are character matches.
   */
  static void like(FieldVector v, byte[][] segments, byte[] out, int rows) {
    long offsets = v.getOffsetBufferAddress();
    long data = v.getDataBufferAddress();
    long s = start(v, offsets, 0);
    for (int i = 0; i < rows; i++) {
      long e = start(v, offsets, i + 1);
      out[i] = Tri.of(matches(data + s, (int) (e - s), segments));
      s = e;
    }
  }

  private static boolean matches(long addr, int len, byte[][] segs) {
    int n = segs.length;
    if (n == 1) {
      return segs[0].length == len && compareBytes(addr, len, segs[0]) == 0;
    }
    byte[] first = segs[0];
    byte[] last = segs[n - 1];
    if (first.length + last.length > len || !regionEquals(addr, first) || !regionEquals(addr + len - last.length, last)) {
      return false;
    }
    int pos = first.length;
    int end = len - last.length;
    for (int k = 1; k < n - 1; k++) {
      int found = indexOf(addr, pos, end, segs[k]);
      if (found < 0) {
        return false;
      }
      pos = found + segs[k].length;
    }
    return true;
  }

  private static int indexOf(long addr, int from, int end, byte[] seg) {
    outer:
    for (int p = from; p + seg.length <= end; p++) {
      for (int j = 0; j < seg.length; j++) {
        if (MemoryUtil.getByte(addr + p + j) != seg[j]) {
          continue outer;
        }
      }
      return p;
    }
    return -1;
  }

  private static boolean regionEquals(long addr, byte[] b) {
    for (int j = 0; j < b.length; j++) {
      if (MemoryUtil.getByte(addr + j) != b[j]) {
        return false;
      }
    }
    return true;
  }

  /** Unsigned lexicographic comparison of bytes at an address with a literal, as -1, 0 or 1. */
  static int compareBytes(long addr, int len, byte[] literal) {
    int n = Math.min(len, literal.length);
    for (int j = 0; j < n; j++) {
      int a = MemoryUtil.getByte(addr + j) & 0xff;
      int b = literal[j] & 0xff;
      if (a != b) {
        return a < b ? -1 : 1;
      }
    }
    return Integer.compare(len, literal.length);
  }

  /** Decodes value i (for the general LIKE matcher). */
  static String decode(FieldVector v, int i) {
    long offsets = v.getOffsetBufferAddress();
    long s = start(v, offsets, i);
    int len = (int) (start(v, offsets, i + 1) - s);
    byte[] b = new byte[len];
    MemoryUtil.copyFromMemory(v.getDataBufferAddress() + s, b, 0, len);
    return new String(b, StandardCharsets.UTF_8);
  }
}
