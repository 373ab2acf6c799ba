package dev.wafer.adapter.agg;

import dev.wafer.adapter.WaferOptions;
import dev.wafer.adapter.exec.ScanException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory one query's aggregation may hold (group keys and states of every worker, and the
 * result rows). Workers reserve before they grow; passing the limit fails the query with an
 * error naming the limit and the connection property that sets it, long before the JVM would run
 * out of heap.
 */
public final class MemoryBudget {
  /** Connection / schema property that sets the limit, in bytes (suffixes k, m, g allowed). */
  public static final String PROPERTY = WaferOptions.MAX_QUERY_MEMORY;

  private final long limit;
  private final AtomicLong used = new AtomicLong();

  public MemoryBudget(long limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException(PROPERTY + " must be positive, got " + limit);
    }
    this.limit = limit;
  }

  /**
   * Reserves {@code bytes} more, for {@code what} of {@code groups} groups (the error's words, put
   * together only when it is thrown: reserving is on every worker's path).
   *
   * @throws ScanException when the query would then hold more than the limit
   */
  public void reserve(long bytes, String what, long groups) {
    long now = used.addAndGet(bytes);
    if (now > limit) {
      throw new ScanException("query memory limit exceeded: " + what + " of " + groups + " groups needs " + now
          + " bytes, more than " + PROPERTY + "=" + limit + " bytes; raise " + PROPERTY
          + " or group by fewer distinct keys",
          ScanException.OUT_OF_MEMORY);
    }
  }

  public long used() {
    return used.get();
  }

  public long limit() {
    return limit;
  }
}
