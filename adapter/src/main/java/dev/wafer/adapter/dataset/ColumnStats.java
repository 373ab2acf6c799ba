package dev.wafer.adapter.dataset;

/**
 * Minimum, maximum and null count of one column over a container (file or record batch).
 *
 * <p>Values use one canonical Java type per Arrow type so that pruning code compares like with
 * like: {@link Long} for integers, dates (epoch days) and timestamps (epoch units of the column),
 * {@link Double} for floating point (NaN never becomes a bound; see {@code nanCount}), {@link
 * String} for strings and dictionary-encoded strings, {@link Boolean} for booleans, {@link
 * java.math.BigDecimal} for decimals. {@code min} and {@code max} are null when every value is
 * null (or NaN).
 *
 * @param min smallest non-null value, or null
 * @param max largest non-null value, or null
 * @param nullCount number of null values
 * @param nanCount number of NaN values (floating-point columns only; 0 otherwise)
 */
public record ColumnStats(Object min, Object max, long nullCount, long nanCount) {

  public ColumnStats {
    if (nullCount < 0 || nanCount < 0) {
      throw new IllegalArgumentException("negative count: nulls=" + nullCount + " nans=" + nanCount);
    }
    if ((min == null) != (max == null)) {
      throw new IllegalArgumentException("min and max must both be set or both be null");
    }
  }

  /** Statistics of a container in which every value is null. */
  public static ColumnStats allNull(long rows) {
    return new ColumnStats(null, null, rows, 0);
  }

  /** Combines the statistics of two disjoint containers. */
  public ColumnStats merge(ColumnStats other) {
    return new ColumnStats(
        pick(min, other.min, true),
        pick(max, other.max, false),
        nullCount + other.nullCount,
        nanCount + other.nanCount);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object pick(Object a, Object b, boolean smaller) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    int c = ((Comparable) a).compareTo(b);
    return smaller ? (c <= 0 ? a : b) : (c >= 0 ? a : b);
  }
}
