package dev.wafer.adapter.agg;

import static java.util.Objects.requireNonNull;

/**
 * One GROUP BY key of a pushed aggregate: a scan column, possibly through a time bucket.
 *
 * @param column index into the scan's columns ({@code ScanSpec.columns()})
 * @param transform how the column value becomes the key ({@link KeyTransform#NONE}: as it is)
 */
public record GroupKey(int column, KeyTransform transform) {
  public GroupKey {
    requireNonNull(transform, "transform");
    if (column < 0) {
      throw new IllegalArgumentException("column < 0: " + column);
    }
  }

  public static GroupKey of(int column) {
    return new GroupKey(column, KeyTransform.NONE);
  }
}
