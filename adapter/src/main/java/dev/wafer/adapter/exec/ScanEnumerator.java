package dev.wafer.adapter.exec;

import dev.wafer.adapter.WaferOptions;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.linq4j.Enumerator;

/**
 * The row-at-a-time face of a scan: Calcite pulls rows here, one slice at a time from a {@link
 * ScanRun} started on the first {@link #moveNext()}. Rows are {@code Object[]}, or the bare value
 * of a one-column scan.
 */
final class ScanEnumerator implements Enumerator<Object> {
  private static final Object[] NO_COLUMNS = new Object[0];
  private final PreparedScan scan;
  private final WaferOptions options;
  private final AtomicBoolean cancelFlag;
  private final long timeoutMillis;
  private final boolean scalar;
  private ScanRun run;
  private Slice slice;
  private int position;
  private Object current;
  private boolean exhausted;

  ScanEnumerator(PreparedScan scan, WaferOptions options, AtomicBoolean cancelFlag, long timeoutMillis,
      boolean scalar) {
    this.scalar = scalar;
    this.scan = scan;
    this.options = options;
    this.cancelFlag = cancelFlag;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public Object current() {
    return current;
  }

  @Override
  public boolean moveNext() {
    if (slice != null && ++position < slice.rows()) {
      // a consumer may spend long on each row (the outer side of a nested-loop join), so a cancel
      // is noticed between rows, not only between slices
      if ((position & 63) == 0 && cancelFlag != null && cancelFlag.get()) {
        throw cancelled(new ScanException("statement cancelled", ScanException.CANCELED));
      }
      current = row(position);
      return true;
    }
    if (exhausted) {
      return false;
    }
    while (true) {
      try {
        if (run == null) {
          run = new ScanRun(scan, options, cancelFlag, timeoutMillis);
          run.start();
        }
        slice = run.next();
      } catch (ScanException e) {
        throw ScanException.CANCELED.equals(e.sqlState()) ? cancelled(e) : sneaky(e.toSqlException());
      }
      if (slice == null) {
        exhausted = true;
        run.close();
        return false;
      }
      if (slice.rows() > 0) {
        position = 0;
        current = row(0);
        return true;
      }
    }
  }

  /** Row {@code i} of the current slice: the bare value of a one-column scan, else a new array. */
  private Object row(int i) {
    Object[][] columns = slice.columns();
    if (scalar) {
      return columns[0][i];
    }
    if (columns.length == 0) {
      return NO_COLUMNS; // COUNT(*) reads no column; its rows need not be distinct objects
    }
    Object[] row = new Object[columns.length];
    for (int c = 0; c < row.length; c++) {
      row[c] = columns[c][i];
    }
    return row;
  }

  /**
   * Ends the query for a cancel, and consumes the cancel: Avatica never clears a statement's flag,
   * so without this a cancelled statement could not run its next query. Clearing it when the
   * cancel is honoured (rather than when a query starts) cannot lose a cancel that arrives while
   * the next query is still being planned.
   */
  private RuntimeException cancelled(ScanException e) {
    if (cancelFlag != null) {
      cancelFlag.set(false);
    }
    return sneaky(e.toSqlException());
  }

  /**
   * Throws a checked exception through {@link Enumerator#moveNext()}, which cannot declare it:
   * JDBC callers of {@code ResultSet.next()} must see an {@code SQLException} (with the SQLSTATE
   * of the failure), and Avatica passes what the cursor throws through unchanged.
   */
  @SuppressWarnings("unchecked")
  private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
    throw (T) t;
  }

  @Override
  public void reset() {
    close();
    run = null;
    slice = null;
    current = null;
    exhausted = false;
  }

  @Override
  public void close() {
    if (run != null) {
      run.close();
    }
    // closed early with the cancel flag set: the query was cancelled (Avatica's result set may
    // have noticed first), so the cancel is consumed; a scan read to its end leaves the flag be,
    // since the query it belongs to may still be running
    if (!exhausted && cancelFlag != null && cancelFlag.get()) {
      cancelFlag.set(false);
    }
  }
}
