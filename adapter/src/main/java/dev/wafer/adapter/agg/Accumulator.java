package dev.wafer.adapter.agg;

import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The state of one aggregate call over all groups of a worker, as primitive arrays indexed by
 * group id. {@link #add} folds a batch in: one virtual call per batch, then a tight loop. Rows
 * are {@code 0..n-1} when {@code positions} is null (the all-rows fast path), else {@code
 * positions[0..n)}; the group of row {@code r} is {@code groups[r]}, or {@code group} for every
 * row when {@code groups} is null (global aggregates and partition keys).
 *
 * <p>Merge rule (documented as the contract asks): {@link #merge} folds {@code other} INTO
 * {@code this}; {@code other} is left unchanged.
 */
abstract class Accumulator {
  /** Makes room for groups {@code [0, groups)}. */
  abstract void ensure(int groups);

  abstract void add(int[] groups, int group, ColumnBatch values, int[] positions, int n);

  /** Folds group {@code i} of {@code other} into group {@code map[i]} of this, for every i < groups. */
  abstract void merge(Accumulator other, int[] map, int groups);

  /** The final value of a group, in Calcite's Java representation of {@code type}. */
  abstract Object result(int group, SqlTypeName type);

  /** Bytes of state per group, for the query memory limit. */
  abstract int bytesPerGroup();

  static int grow(int current, int wanted) {
    return Math.max(wanted, Math.max(16, current + (current >> 1)));
  }

  /** A long result as the Java value Calcite holds for {@code type} (narrowing wraps like Java). */
  static Object ofLong(long v, SqlTypeName type) {
    switch (type) {
      case TINYINT: return (byte) v;
      case SMALLINT: return (short) v;
      case INTEGER: case DATE: case TIME: return (int) v;
      case BOOLEAN: return v != 0;
      case DOUBLE: case FLOAT: return (double) v;
      case REAL: return (float) v;
      default: return v;
    }
  }

  /** A double result as the Java value Calcite holds for {@code type}. */
  static Object ofDouble(double v, SqlTypeName type) {
    return type == SqlTypeName.REAL ? (Object) (float) v : (Object) v;
  }
}
