package dev.wafer.adapter.exec;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which of a scan's pooled workers may still start. A worker woken after every morsel was claimed
 * has nothing to do, and its late wake-up (an idle vCPU takes up to milliseconds) must not hold up
 * a scan its consumer has finished: the consumer revokes the workers that have not started, counts
 * them out itself, and may then close the scan under them. Each worker either is admitted or finds
 * itself revoked, never both.
 */
final class WorkerRoster {
  /** Far below zero, so that no number of late admissions reaches zero again. */
  private static final int REVOKED = Integer.MIN_VALUE / 2;

  /** Workers still to start, or below zero once revoked. */
  private final AtomicInteger unstarted = new AtomicInteger();

  /** Expects {@code workers} more workers to start. Before any of them runs. */
  void expect(int workers) {
    unstarted.addAndGet(workers);
  }

  /** An expected worker that will not start after all (its launch failed). */
  void launchFailed() {
    unstarted.decrementAndGet();
  }

  /** Called by a worker as it starts: whether it may run; false once revoked. */
  boolean admit() {
    return unstarted.getAndDecrement() > 0;
  }

  /** Revokes the workers that have not started; returns how many, the first time, then 0. */
  int revoke() {
    return Math.max(0, unstarted.getAndSet(REVOKED));
  }
}
