package dev.wafer.sql.server;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One statement between its execute and its last row (or its close): who ran it, what, since
 * when, how many rows have gone out, and why it was stopped if it was. Mutable and shared between
 * the request threads of one client and the timeout timer, hence the atomics.
 */
final class RunningQuery {
  final String connectionId;
  final int statementId;
  final String sql;
  final String user;
  final String remote;
  final long startNanos = System.nanoTime();
  final Statement statement;
  final AtomicLong rows = new AtomicLong();
  /** Execute or fetch calls under way for this statement. */
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicBoolean finished = new AtomicBoolean();
  volatile QueryOutcome stopReason;
  volatile ScheduledFuture<?> timer;

  RunningQuery(String connectionId, int statementId, String sql, String user, String remote, Statement statement) {
    this.connectionId = connectionId;
    this.statementId = statementId;
    this.sql = sql;
    this.user = user;
    this.remote = remote;
    this.statement = statement;
  }

  /**
   * Stops the statement in the engine: sets its cancel flag, which the scan checks between
   * batches and the result set checks on every row. The first reason given wins.
   */
  void stop(QueryOutcome reason) {
    if (stopReason == null) {
      stopReason = reason;
    }
    try {
      statement.cancel();
    } catch (SQLException | RuntimeException e) {
      // already closed: nothing left to stop
    }
  }

  long elapsedMillis() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
