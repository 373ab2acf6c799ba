package dev.wafer.adapter.predicate;

/**
 * What a container (partition, file, record batch) is known to hold in one column, in the Java
 * representation of Calcite's rows (see {@link ScanPredicate}): bounds of its non-null values,
 * whether it may hold NULLs, non-null values and (floating point) NaNs, and for a hash-bucketed
 * column the bucket every value falls in.
 *
 * @param min smallest non-NaN value, or null when unknown
 * @param max largest non-NaN value, or null when unknown
 * @param mayBeNull whether some value may be NULL
 * @param mayHaveValues whether some value may be non-null
 * @param mayBeNaN whether some value may be NaN
 * @param buckets hash buckets of the column's partitioning (0 when not hash-partitioned)
 * @param bucket the bucket of every non-null value, when {@code buckets > 0}
 */
public record ColumnRange(Object min, Object max, boolean mayBeNull, boolean mayHaveValues, boolean mayBeNaN,
    int buckets, int bucket) {

  /** Nothing is known. */
  public static final ColumnRange UNKNOWN = new ColumnRange(null, null, true, true, true, 0, 0);
  /** Every value is NULL (e.g. the column is missing from the file). */
  public static final ColumnRange ALL_NULL = new ColumnRange(null, null, true, false, false, 0, 0);

  /** A single value for the whole container (a partition value); null means every value is NULL. */
  public static ColumnRange constant(Object value) {
    if (value == null) {
      return ALL_NULL;
    }
    boolean nan = value instanceof Double d && d.isNaN() || value instanceof Float f && f.isNaN();
    return nan ? new ColumnRange(null, null, false, true, true, 0, 0)
        : new ColumnRange(value, value, false, true, false, 0, 0);
  }

  /** This range with its bounds narrowed to {@code [lo, hi]} (values of one comparable class). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public ColumnRange narrow(Comparable lo, Comparable hi) {
    Object newMin = min == null || lo.compareTo(min) > 0 ? lo : min;
    Object newMax = max == null || hi.compareTo(max) < 0 ? hi : max;
    return new ColumnRange(newMin, newMax, mayBeNull, mayHaveValues, mayBeNaN, buckets, bucket);
  }

  /** This range with all non-null values known to fall in one hash bucket. */
  public ColumnRange inBucket(int bucketCount, int bucketIndex) {
    return new ColumnRange(min, max, mayBeNull, mayHaveValues, mayBeNaN, bucketCount, bucketIndex);
  }
}
