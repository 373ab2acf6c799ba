package dev.wafer.sql.server;

import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission control: at most {@code maxRunning} statements do engine work at once; up to {@code
 * maxQueued} more wait (each at most {@code maxWait}) and the rest are refused at once with
 * SQLSTATE {@value #SQLSTATE}, so an overloaded server answers quickly instead of piling up
 * threads. A slot is held for one execute or fetch call.
 */
public final class QueryGate {
  /** SQLSTATE of a refused admission: "insufficient resources". */
  public static final String SQLSTATE = "53000";

  private final Semaphore slots;
  private final int maxRunning;
  private final int maxQueued;
  private final long maxWaitMillis;
  private final AtomicInteger waiting = new AtomicInteger();
  private final ServerMetrics metrics;

  public QueryGate(int maxRunning, int maxQueued, long maxWaitMillis, ServerMetrics metrics) {
    if (maxRunning < 1 || maxQueued < 0) {
      throw new IllegalArgumentException("need maxRunning >= 1 and maxQueued >= 0");
    }
    this.slots = new Semaphore(maxRunning, true);
    this.maxRunning = maxRunning;
    this.maxQueued = maxQueued;
    this.maxWaitMillis = maxWaitMillis;
    this.metrics = metrics;
  }

  /** A held slot; closing it frees the slot. */
  public interface Slot extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Takes a slot, waiting in the bounded queue if needed.
   *
   * @throws SQLException when the queue is full, the wait times out, or the thread is interrupted
   */
  public Slot enter() throws SQLException {
    if (!slots.tryAcquire()) {
      if (waiting.incrementAndGet() > maxQueued) {
        waiting.decrementAndGet();
        throw busy("the wait queue is full (" + maxQueued + " waiting)");
      }
      metrics.queued().inc();
      try {
        if (!slots.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS)) {
          throw busy("no slot became free within " + maxWaitMillis + " ms");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while waiting for a query slot", SQLSTATE, e);
      } finally {
        waiting.decrementAndGet();
        metrics.queued().dec();
      }
    }
    metrics.running().inc();
    return () -> {
      metrics.running().dec();
      slots.release();
    };
  }

  private SQLException busy(String why) {
    return new SQLException("server busy: " + maxRunning + " queries running and " + why
        + "; try again later", SQLSTATE);
  }
}
