package dev.wafer.adapter.predicate;

/**
 * SQL's three truth values as bytes ordered FALSE &lt; NULL &lt; TRUE, so that AND is the minimum,
 * OR the maximum and NOT is {@code TRUE - v}: exactly SQL's three-valued logic with no branches.
 * Pruning works on sets of possible values, as masks of {@code 1 << value}.
 */
public final class Tri {
  public static final byte FALSE = 0;
  public static final byte NULL = 1;
  public static final byte TRUE = 2;

  /** Mask bits: the container may hold rows for which the predicate is FALSE / NULL / TRUE. */
  public static final int MAY_FALSE = 1;
  public static final int MAY_NULL = 2;
  public static final int MAY_TRUE = 4;
  public static final int ANY = 7;

  private Tri() {}

  public static byte of(boolean b) {
    return b ? TRUE : FALSE;
  }

  public static byte not(byte v) {
    return (byte) (TRUE - v);
  }

  /** Possible values of {@code a AND b} (or {@code a OR b}) given the possible values of each. */
  static int combine(int a, int b, boolean and) {
    int out = 0;
    for (int x = 0; x < 3; x++) {
      if ((a & (1 << x)) == 0) {
        continue;
      }
      for (int y = 0; y < 3; y++) {
        if ((b & (1 << y)) != 0) {
          out |= 1 << (and ? Math.min(x, y) : Math.max(x, y));
        }
      }
    }
    return out;
  }

  /** Possible values of {@code NOT a}. */
  static int notMask(int a) {
    return ((a & MAY_FALSE) != 0 ? MAY_TRUE : 0) | (a & MAY_NULL) | ((a & MAY_TRUE) != 0 ? MAY_FALSE : 0);
  }
}
