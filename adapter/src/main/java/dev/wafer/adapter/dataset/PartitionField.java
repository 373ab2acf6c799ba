package dev.wafer.adapter.dataset;

import static java.util.Objects.requireNonNull;

/**
 * One level of a table's partitioning: a source column and a transform. Its {@link #key()} names
 * the hive directory level ({@code key=value}) and the partition column readers expose.
 *
 * @param column source column in the written data
 * @param transform how a value maps to a directory value
 */
public record PartitionField(String column, PartitionTransform transform) {

  public PartitionField {
    requireNonNull(column, "column");
    requireNonNull(transform, "transform");
  }

  /** Directory key: the column itself for identity, otherwise {@code column_day}, … */
  public String key() {
    return column + transform.keySuffix();
  }

  /** Whether the partition column replaces the source column (identity: not stored in files). */
  public boolean isIdentity() {
    return transform instanceof PartitionTransform.Identity;
  }

  /** Spec text, e.g. {@code device_id:hash(16)}. */
  @Override
  public String toString() {
    String t = transform.specText();
    return t.isEmpty() ? column : column + ":" + t;
  }
}
