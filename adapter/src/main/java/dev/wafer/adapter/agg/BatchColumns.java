package dev.wafer.adapter.agg;

import dev.wafer.adapter.predicate.ColumnRange;
import org.apache.arrow.vector.FieldVector;

/**
 * The columns of one loaded record batch as a pushed aggregate reads them, indexed like the scan's
 * columns: a loaded vector, or a constant for the whole batch (the file's hive partition value,
 * or NULL for a column the file lacks).
 */
public interface BatchColumns {
  /** The loaded vector of a column, or null when the column is constant in this batch. */
  FieldVector vector(int column);

  /** The constant value (Calcite's Java representation) of a column without vector; null = NULL. */
  Object constant(int column);

  /** The decoded dictionary of a dictionary-encoded vector, else null. */
  String[] dictionary(int column);

  /**
   * What the batch's statistics say of a column (bounds in Calcite's units), or null when the
   * batch has none: lets the aggregate treat a key as constant without reading it.
   */
  default ColumnRange range(int column) {
    return null;
  }
}
