package dev.wafer.adapter.exec;

/**
 * The rows of a batch that passed a filter: the first {@code count} entries of {@code positions}
 * are row indexes into the batch, ascending. Consumers take {@code null} (or {@link #isAll})
 * to mean every row of the batch, which is their fast path.
 */
public final class Selection {
  public final int[] positions;
  public final int count;

  public Selection(int[] positions, int count) {
    if (count < 0 || count > positions.length) {
      throw new IllegalArgumentException("count " + count + " outside [0, " + positions.length + "]");
    }
    this.positions = positions;
    this.count = count;
  }

  /** Whether a selection (possibly null) keeps every one of {@code rows} rows. */
  public static boolean isAll(Selection s, int rows) {
    return s == null || (s.count == rows && (rows == 0 || s.positions[rows - 1] == rows - 1));
  }

  /** Number of selected rows of a batch of {@code rows} rows. */
  public static int count(Selection s, int rows) {
    return s == null ? rows : s.count;
  }
}
