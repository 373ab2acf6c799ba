package dev.wafer.adapter.predicate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Loops over a batch's per-row predicate results ({@link Tri}: FALSE 0, NULL 1, TRUE 2), eight
 * rows a word where they can: combining two results, counting the TRUE rows, listing them.
 */
final class ResultBytes {
  /** Eight result bytes at once. */
  private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LOW_BITS = 0x0101010101010101L;

  private ResultBytes() {}

  /**
   * {@code out = out AND next} or {@code out OR next} in three-valued logic: with FALSE < NULL <
   * TRUE, AND is the minimum and OR the maximum.
   */
  static void fold(byte[] out, byte[] next, int rows, boolean and) {
    // bitwise, 8 rows a word and no branch (a comparison per row mispredicts: 5-10 ns a row). Over
    // {0, 1, 2}, x | y is the maximum except 1 | 2 = 3, and x & y the minimum except 1 & 2 = 0;
    // bit 0 of a byte is corrected from bit 1 of the same byte (the shift's carry from the next
    // byte lands in bit 7, masked off)
    int i = 0;
    if (and) {
      for (; i + 8 <= rows; i += 8) {
        long x = (long) WORDS.get(out, i);
        long y = (long) WORDS.get(next, i);
        long either = x | y;
        WORDS.set(out, i, (x & y) | ((either >>> 1) & either & LOW_BITS));
      }
      for (; i < rows; i++) {
        int x = out[i];
        int y = next[i];
        int either = x | y;
        out[i] = (byte) ((x & y) | ((either >> 1) & either & 1));
      }
    } else {
      for (; i + 8 <= rows; i += 8) {
        long either = (long) WORDS.get(out, i) | (long) WORDS.get(next, i);
        WORDS.set(out, i, either & ~((either >>> 1) & LOW_BITS));
      }
      for (; i < rows; i++) {
        int either = out[i] | next[i];
        out[i] = (byte) (either & ~(either >> 1));
      }
    }
  }

  /** TRUE rows of a result, 8 a word: bit 1 of a byte is set for TRUE only. */
  static int countTrue(byte[] out, int rows) {
    int count = 0;
    int i = 0;
    for (; i + 8 <= rows; i += 8) {
      count += Long.bitCount((long) WORDS.get(out, i) & 0x0202020202020202L);
    }
    for (; i < rows; i++) {
      count += out[i] >> 1;
    }
    return count;
  }

  /**
   * Writes the positions of the TRUE rows and returns their number, branch-free within each word
   * of 8 rows (a branch per row mispredicts at every selectivity between the extremes) and
   * skipping words with no TRUE row (selective filters). {@code x >> 1} is 1 for TRUE and 0 for
   * FALSE and NULL. {@code positions} needs one spare slot past the last TRUE row.
   */
  static int positionsOfTrue(byte[] out, int rows, int[] positions) {
    int k = 0;
    int i = 0;
    for (; i + 8 <= rows; i += 8) {
      if (((long) WORDS.get(out, i) & 0x0202020202020202L) == 0) {
        continue;
      }
      for (int j = i; j < i + 8; j++) {
        positions[k] = j;
        k += out[j] >> 1;
      }
    }
    for (; i < rows; i++) {
      positions[k] = i;
      k += out[i] >> 1;
    }
    return k;
  }
}
