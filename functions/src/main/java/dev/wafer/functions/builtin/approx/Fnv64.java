package dev.wafer.functions.builtin.approx;

import org.apache.arrow.memory.ArrowBuf;

/**
 * 64-bit FNV-1a over the UTF-8 bytes of a string, read straight from an Arrow buffer or
 * encoded on the fly from a Java string, so both paths hash a value identically without
 * allocating. Its only job is to turn a string into a long for the HLL sketch, which mixes the
 * long again with MurmurHash3; FNV's 64 bits keep collisions negligible at any realistic
 * cardinality.
 */
final class Fnv64 {
  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private Fnv64() {}

  static long hash(ArrowBuf data, long start, long end) {
    long h = OFFSET;
    for (long i = start; i < end; i++) {
      h = (h ^ (data.getByte(i) & 0xff)) * PRIME;
    }
    return h;
  }

  static long hashUtf8(CharSequence s) {
    long h = OFFSET;
    for (int i = 0; i < s.length(); i++) {
      int c = s.charAt(i);
      if (Character.isHighSurrogate((char) c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        c = Character.toCodePoint((char) c, s.charAt(++i));
      }
      if (c < 0x80) {
        h = step(h, c);
      } else if (c < 0x800) {
        h = step(step(h, 0xc0 | (c >> 6)), 0x80 | (c & 0x3f));
      } else if (c < 0x10000) {
        h = step(step(step(h, 0xe0 | (c >> 12)), 0x80 | ((c >> 6) & 0x3f)), 0x80 | (c & 0x3f));
      } else {
        h = step(step(step(step(h, 0xf0 | (c >> 18)), 0x80 | ((c >> 12) & 0x3f)),
            0x80 | ((c >> 6) & 0x3f)), 0x80 | (c & 0x3f));
      }
    }
    return h;
  }

  private static long step(long h, int b) {
    return (h ^ (b & 0xff)) * PRIME;
  }
}
