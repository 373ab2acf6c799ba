package dev.wafer.sql.server;

import static java.util.Objects.requireNonNull;

import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows every statement from execute to its last row: arms the server's query timeout, stops
 * statements when their client closes them or their connection, or the server shuts down, and
 * when a statement ends writes its query-log line and metrics exactly once.
 */
final class QueryTracker implements AutoCloseable {
  private final Map<Integer, RunningQuery> active = new ConcurrentHashMap<>();
  private final QueryLog log;
  private final ServerMetrics metrics;
  private final Duration timeout;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "wafer-query-timeout");
    t.setDaemon(true);
    return t;
  });

  QueryTracker(QueryLog log, ServerMetrics metrics, Duration timeout) {
    this.log = requireNonNull(log, "log");
    this.metrics = requireNonNull(metrics, "metrics");
    this.timeout = requireNonNull(timeout, "timeout");
  }

  Duration timeout() {
    return timeout;
  }

  /** Registers a statement about to execute; a previous run of the same statement ends as OK. */
  RunningQuery start(String connectionId, int statementId, String sql, Statement statement) {
    RunningQuery q = new RunningQuery(connectionId, statementId, sql, RequestUser.user(), RequestUser.remote(),
        statement);
    RunningQuery previous = active.put(statementId, q);
    if (previous != null) {
      finish(previous, QueryOutcome.OK, null);
    }
    if (!timeout.isZero()) {
      q.timer = timer.schedule(() -> q.stop(QueryOutcome.TIMEOUT), timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
    return q;
  }

  /** The running statement with this id, or null. */
  RunningQuery get(int statementId) {
    return active.get(statementId);
  }

  /**
   * The client closed a statement: if a call is still executing or fetching it, it is stopped
   * (and ends as CANCELLED); a statement merely not read to the end ends as OK.
   */
  void closed(int statementId) {
    RunningQuery q = active.get(statementId);
    if (q == null) {
      return;
    }
    if (q.inFlight.get() > 0) {
      q.stop(QueryOutcome.CANCELLED);
    } else {
      finish(q, QueryOutcome.OK, null);
    }
  }

  /** The client closed (or expiry dropped) a connection: stops its statements. */
  void connectionClosed(String connectionId) {
    for (RunningQuery q : active.values()) {
      if (q.connectionId.equals(connectionId)) {
        closed(q.statementId);
      }
    }
  }

  /** Stops every running statement (shutdown after the grace period). */
  void stopAll() {
    active.values().forEach(q -> q.stop(QueryOutcome.CANCELLED));
  }

  /** Statements executing or being fetched right now. */
  int inFlight() {
    int n = 0;
    for (RunningQuery q : active.values()) {
      n += q.inFlight.get() > 0 ? 1 : 0;
    }
    return n;
  }

  /** Ends a statement: log line and metrics, once. */
  void finish(RunningQuery q, QueryOutcome outcome, String error) {
    if (!q.finished.compareAndSet(false, true)) {
      return;
    }
    active.remove(q.statementId, q);
    if (q.timer != null) {
      q.timer.cancel(false);
    }
    long millis = q.elapsedMillis();
    metrics.finished(outcome, millis / 1000.0, q.rows.get());
    log.write(new QueryLog.Entry(Instant.now(), q.user, q.remote, q.sql, millis, q.rows.get(), outcome, error));
  }

  /** Logs and counts a statement refused before it ran. */
  void refused(String sql, QueryOutcome outcome, String error) {
    metrics.refused(outcome);
    log.write(new QueryLog.Entry(Instant.now(), RequestUser.user(), RequestUser.remote(), sql, 0, 0, outcome, error));
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
