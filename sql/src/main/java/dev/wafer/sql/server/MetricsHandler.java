package dev.wafer.sql.server;

import static java.util.Objects.requireNonNull;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.IOException;
import java.io.OutputStream;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Serves {@code GET /metrics} in the Prometheus text format and passes every other request on to
 * the Avatica handler it wraps.
 */
public final class MetricsHandler extends HandlerWrapper {
  /** The path Prometheus scrapes. */
  public static final String PATH = "/metrics";
  private final ServerMetrics metrics;
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  public MetricsHandler(ServerMetrics metrics) {
    this.metrics = requireNonNull(metrics, "metrics");
  }

  @Override
  public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
      throws IOException, javax.servlet.ServletException {
    if (!PATH.equals(target)) {
      super.handle(target, base, request, response);
      return;
    }
    base.setHandled(true);
    if (!"GET".equals(request.getMethod())) {
      response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(writer.getContentType());
    try (OutputStream out = response.getOutputStream()) {
      writer.write(out, metrics.registry().scrape());
    }
  }
}
