package dev.wafer.adapter.exec;

/**
 * The rows of a record batch that passed the scan's pushed predicate: ascending row positions
 * {@code positions[0..count)}. A scan passes {@code null} instead when every row passed (the
 * common unfiltered case, which then needs no positions array); consumers (the row path, the
 * aggregation path) loop over {@code positions} or over {@code 0..rows} accordingly.
 */
public final class Selection {
  private static final int[] NO_POSITIONS = new int[0];
  private static final Selection NONE = new Selection(NO_POSITIONS, 0);

  /** Selected row positions, ascending; only the first {@link #count} entries are meaningful. */
  public final int[] positions;
  /** Number of selected rows. */
  public final int count;

  public Selection(int[] positions, int count) {
    if (count < 0 || count > positions.length) {
      throw new IllegalArgumentException("count " + count + " outside positions of " + positions.length);
    }
    this.positions = positions;
    this.count = count;
  }

  /** A selection of no rows. */
  public static Selection none() {
    return NONE;
  }

  /** A selection of every row {@code 0..rows-1}, materialized (for consumers that need positions). */
  public static Selection all(int rows) {
    int[] p = new int[rows];
    for (int i = 0; i < rows; i++) {
      p[i] = i;
    }
    return new Selection(p, rows);
  }

  /** The number of selected rows of a batch of {@code rows} rows ({@code null} meaning all). */
  public static int count(Selection s, int rows) {
    return s == null ? rows : s.count;
  }

  public boolean isEmpty() {
    return count == 0;
  }
}
