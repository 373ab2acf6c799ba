package dev.wafer.adapter.agg;

import org.apache.arrow.memory.util.MemoryUtil;

/**
 * One column of the current batch in its primitive domain ({@link ValueKind}): {@code longs} or
 * {@code doubles} hold the value of row {@code i} at index {@code i}; nulls come from the Arrow
 * validity bitmap (read by address) or, for a constant column, from {@code allNull}. The arrays
 * are scratch space of one worker, reused batch after batch.
 */
final class ColumnBatch {
  long[] longs = new long[0];
  double[] doubles = new double[0];
  /** Address of the validity bitmap; only read when {@link #hasNulls}. */
  long validity;
  /** Whether some rows may be null (checked per row through the bitmap). */
  boolean hasNulls;
  /** Whether every row is null (a constant NULL column). */
  boolean allNull;
  /** Whether the column has the same value in every row of the batch (a partition value). */
  boolean constant;

  void reset(int rows, boolean wantLongs, boolean wantDoubles) {
    if (wantLongs && longs.length < rows) {
      longs = new long[Math.max(rows, longs.length * 2)];
    }
    if (wantDoubles && doubles.length < rows) {
      doubles = new double[Math.max(rows, doubles.length * 2)];
    }
    validity = 0;
    hasNulls = false;
    allNull = false;
    constant = false;
  }

  boolean isNull(int row) {
    return allNull || (hasNulls && ((MemoryUtil.getByte(validity + (row >> 3)) >> (row & 7)) & 1) == 0);
  }

  /** Whether any row can be null: loops take their no-null fast path when false. */
  boolean mayBeNull() {
    return allNull || hasNulls;
  }
}
