package dev.wafer.sql.server;

import dev.wafer.adapter.WaferMemory;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The server's Prometheus metrics, in their own registry (so two servers in one JVM, as in the
 * tests, do not share counters): queries by outcome, query latency, rows returned, running and
 * queued queries, refused logins, and memory (Arrow buffers and the JVM heap).
 */
public final class ServerMetrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter queries = Counter.builder().name("wafer_queries_total")
      .help("Finished statements by outcome (ok, error, timeout, cancelled, refused, rejected).")
      .labelNames("outcome").register(registry);
  private final Histogram latency = Histogram.builder().name("wafer_query_duration_seconds")
      .help("Wall time of a statement from execute to its last row.").classicOnly()
      .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300)
      .register(registry);
  private final Counter rows = Counter.builder().name("wafer_rows_returned_total")
      .help("Rows sent to clients.").register(registry);
  private final Gauge running = Gauge.builder().name("wafer_running_queries")
      .help("Statements executing or fetching right now.").register(registry);
  private final Gauge queued = Gauge.builder().name("wafer_queued_queries")
      .help("Statements waiting for a free slot.").register(registry);
  private final Counter authFailures = Counter.builder().name("wafer_auth_failures_total")
      .help("Refused logins.").register(registry);

  public ServerMetrics() {
    GaugeWithCallback.builder().name("wafer_arrow_allocated_bytes")
        .help("Arrow memory held by running scans.")
        .callback(cb -> cb.call(WaferMemory.root().getAllocatedMemory())).register(registry);
    GaugeWithCallback.builder().name("wafer_jvm_heap_used_bytes").help("JVM heap in use.")
        .callback(cb -> cb.call(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()))
        .register(registry);
    GaugeWithCallback.builder().name("wafer_jvm_heap_max_bytes").help("JVM heap limit.")
        .callback(cb -> cb.call(Runtime.getRuntime().maxMemory())).register(registry);
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  /** Records a finished statement. */
  public void finished(QueryOutcome outcome, double seconds, long rowCount) {
    queries.labelValues(outcome.label()).inc();
    latency.observe(seconds);
    rows.inc(rowCount);
  }

  /** Counts a statement refused before running (read-only, or the queue was full). */
  public void refused(QueryOutcome outcome) {
    queries.labelValues(outcome.label()).inc();
  }

  public Gauge running() {
    return running;
  }

  public Gauge queued() {
    return queued;
  }

  public void authFailure() {
    authFailures.inc();
  }
}
