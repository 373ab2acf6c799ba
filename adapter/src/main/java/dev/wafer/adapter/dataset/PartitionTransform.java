package dev.wafer.adapter.dataset;

import java.util.Arrays;

/**
 * How a partition field maps a column value to a partition directory value.
 *
 * <ul>
 *   <li>{@link Identity} (list partitioning): one directory per distinct value;
 *   <li>{@link Day} and {@link Month} (range partitioning of dates and timestamps);
 *   <li>{@link Range}: numeric buckets between ascending bounds;
 *   <li>{@link Hash}: N buckets by {@link BucketHash}.
 * </ul>
 */
public sealed interface PartitionTransform {

  /** Suffix added to the source column to name the directory key ("" for identity). */
  String keySuffix();

  /** The spec text after {@code column:} ("" for identity). */
  String specText();

  /** List partitioning: the directory value is the column value. */
  record Identity() implements PartitionTransform {
    @Override
    public String keySuffix() {
      return "";
    }

    @Override
    public String specText() {
      return "";
    }
  }

  /** Calendar day (UTC, no time-zone shift) of a DATE or TIMESTAMP column: {@code 2024-01-03}. */
  record Day() implements PartitionTransform {
    @Override
    public String keySuffix() {
      return "_day";
    }

    @Override
    public String specText() {
      return "day";
    }
  }

  /** Calendar month of a DATE or TIMESTAMP column: {@code 2024-01}. */
  record Month() implements PartitionTransform {
    @Override
    public String keySuffix() {
      return "_month";
    }

    @Override
    public String specText() {
      return "month";
    }
  }

  /**
   * Numeric ranges split at ascending {@code bounds}: bucket 0 holds values below bounds[0], bucket
   * i holds {@code [bounds[i-1], bounds[i])}. The directory value is the bucket's lower bound, or
   * {@code min} for the first bucket.
   */
  record Range(double[] bounds) implements PartitionTransform {
    public Range {
      bounds = bounds.clone();
      for (int i = 1; i < bounds.length; i++) {
        if (!(bounds[i] > bounds[i - 1])) {
          throw new IllegalArgumentException("range bounds must be ascending: " + Arrays.toString(bounds));
        }
      }
      if (bounds.length == 0) {
        throw new IllegalArgumentException("range needs at least one bound");
      }
    }

    /** Bucket index of a value (NaN goes to the last bucket, as it sorts last). */
    public int bucket(double v) {
      int lo = 0;
      int hi = bounds.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (v >= bounds[mid] || Double.isNaN(v)) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    @Override
    public double[] bounds() {
      return bounds.clone();
    }

    @Override
    public String keySuffix() {
      return "_range";
    }

    @Override
    public String specText() {
      StringBuilder sb = new StringBuilder("range(");
      for (int i = 0; i < bounds.length; i++) {
        sb.append(i == 0 ? "" : ",").append(PartitionValues.formatNumber(bounds[i]));
      }
      return sb.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Range r && Arrays.equals(bounds, r.bounds);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bounds);
    }

    @Override
    public String toString() {
      return specText();
    }
  }

  /** {@code buckets} hash buckets numbered 0..N-1 by {@link BucketHash}. */
  record Hash(int buckets) implements PartitionTransform {
    public Hash {
      if (buckets < 1 || buckets > 65536) {
        throw new IllegalArgumentException("hash buckets must be in 1..65536: " + buckets);
      }
    }

    @Override
    public String keySuffix() {
      return "_bucket";
    }

    @Override
    public String specText() {
      return "hash(" + buckets + ")";
    }
  }
}
