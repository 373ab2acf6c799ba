package dev.wafer.sql.server;

import static java.util.Objects.requireNonNull;

import dev.wafer.sql.WaferDriver;
import dev.wafer.sql.WaferUrl;
import java.io.IOException;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.Service.RpcMetadataResponse;
import org.apache.calcite.avatica.server.AvaticaHandler;
import org.apache.calcite.avatica.server.HandlerFactory;
import org.eclipse.jetty.security.ConstraintMapping;
import org.eclipse.jetty.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.security.Constraint;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Avatica HTTP server over the embedded driver ({@code wafer serve}): a Jetty server whose
 * handlers are, outside in, HTTP BASIC authentication (with a users file), the request's user for
 * the query log, {@code /metrics}, and Avatica's protobuf or JSON handler over a {@link WaferMeta}.
 * {@link #close()} shuts down gracefully: no new connections, running statements get the grace
 * period to finish and are then stopped, and every engine connection is closed.
 */
public final class WaferServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WaferServer.class);

  private final ServerConfig config;
  private final Server jetty;
  private final ServerConnector connector;
  private final WaferMeta meta;
  private final QueryTracker tracker;
  private final QueryLog log;
  private final ServerMetrics metrics;
  private boolean closed;

  private WaferServer(ServerConfig config, Server jetty, ServerConnector connector, WaferMeta meta,
      QueryTracker tracker, QueryLog log, ServerMetrics metrics) {
    this.config = config;
    this.jetty = jetty;
    this.connector = connector;
    this.meta = meta;
    this.tracker = tracker;
    this.log = log;
    this.metrics = metrics;
  }

  /**
   * Starts a server.
   *
   * @throws IllegalArgumentException when binding beyond loopback without a users file
   * @throws IOException when the users file, keystore or query log cannot be read or opened
   * @throws Exception when Jetty cannot start (port in use, bad keystore password)
   */
  public static WaferServer start(ServerConfig config) throws Exception {
    requireNonNull(config, "config");
    InetAddress address = InetAddress.getByName(config.bind());
    if (config.users() == null && !address.isLoopbackAddress()) {
      throw new IllegalArgumentException("binding to " + config.bind() + " (not a loopback address) requires"
          + " authentication: pass --users FILE (create users with: wafer passwd --users FILE NAME)");
    }
    UsersFile users = config.users() == null ? null : UsersFile.read(config.users());
    if (users != null && users.users().isEmpty()) {
      throw new IllegalArgumentException("users file " + config.users() + " has no users"
          + " (add one with: wafer passwd --users " + config.users() + " NAME)");
    }
    ServerMetrics metrics = new ServerMetrics();
    QueryLog log = QueryLog.open(config.queryLog());
    QueryTracker tracker = new QueryTracker(log, metrics, config.limits().queryTimeout());
    ServerConfig.Limits limits = config.limits();
    QueryGate gate = new QueryGate(limits.maxRunning(), limits.maxQueued(), limits.maxQueueWait().toMillis(), metrics);
    WaferMeta meta = new WaferMeta(datasetUrl(config), cacheSettings(limits), gate, tracker);

    Server jetty = new Server();
    ServerConnector connector = connector(jetty, config);
    jetty.addConnector(connector);
    AvaticaHandler avatica = new HandlerFactory().getHandler(new LocalService(meta), config.serialization());
    MetricsHandler metricsHandler = new MetricsHandler(metrics);
    metricsHandler.setHandler(avatica);
    RequestUser requestUser = new RequestUser();
    requestUser.setHandler(metricsHandler);
    Handler top = requestUser;
    if (users != null) {
      ConstraintSecurityHandler security = security(users, metrics);
      security.setHandler(requestUser);
      top = security;
    }
    jetty.setHandler(top);
    jetty.setStopTimeout(5_000);
    try {
      jetty.start();
    } catch (Exception e) {
      jetty.stop();
      tracker.close();
      log.close();
      throw e;
    }
    avatica.setServerRpcMetadata(new RpcMetadataResponse(config.bind() + ":" + connector.getLocalPort()));
    WaferServer server = new WaferServer(config, jetty, connector, meta, tracker, log, metrics);
    LOG.info("Wafer server on {} serving {} ({}, {}, {})", server.url(), config.data(), config.serialization(),
        users == null ? "no authentication" : "BASIC authentication, " + users.users().size() + " users",
        config.tls() == null ? "plain HTTP" : "TLS");
    return server;
  }

  private static String datasetUrl(ServerConfig config) {
    Map<String, String> props = new LinkedHashMap<>();
    if (config.threads() != null) {
      props.put("threads", config.threads().toString());
    }
    if (config.limits().maxQueryMemory() != null) {
      props.put(dev.wafer.adapter.WaferOptions.MAX_QUERY_MEMORY, config.limits().maxQueryMemory().toString());
    }
    // make sure the embedded driver is registered before JdbcMeta opens connections
    requireNonNull(WaferDriver.SCHEMA);
    return WaferUrl.of(config.data(), props);
  }

  private static Properties cacheSettings(ServerConfig.Limits limits) {
    Properties p = new Properties();
    long idle = Math.max(1, limits.idleConnection().toSeconds());
    p.setProperty(JdbcMeta.ConnectionCacheSettings.EXPIRY_DURATION.key(), Long.toString(idle));
    p.setProperty(JdbcMeta.ConnectionCacheSettings.EXPIRY_UNIT.key(), TimeUnit.SECONDS.name());
    p.setProperty(JdbcMeta.StatementCacheSettings.EXPIRY_DURATION.key(), Long.toString(idle));
    p.setProperty(JdbcMeta.StatementCacheSettings.EXPIRY_UNIT.key(), TimeUnit.SECONDS.name());
    return p;
  }

  private static ServerConnector connector(Server jetty, ServerConfig config) {
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    HttpConnectionFactory httpFactory = new HttpConnectionFactory(http);
    ServerConnector connector;
    if (config.tls() == null) {
      connector = new ServerConnector(jetty, httpFactory);
    } else {
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStorePath(config.tls().keystore().toAbsolutePath().toString());
      ssl.setKeyStorePassword(config.tls().password());
      connector = new ServerConnector(jetty, ssl, httpFactory);
    }
    connector.setHost(config.bind());
    connector.setPort(config.port());
    return connector;
  }

  private static ConstraintSecurityHandler security(UsersFile users, ServerMetrics metrics) {
    Constraint constraint = new Constraint(Constraint.__BASIC_AUTH, PasswordLoginService.ROLE);
    constraint.setAuthenticate(true);
    ConstraintMapping mapping = new ConstraintMapping();
    mapping.setConstraint(constraint);
    mapping.setPathSpec("/*");
    ConstraintSecurityHandler security = new ConstraintSecurityHandler();
    security.setAuthenticator(new BasicAuthenticator());
    security.setLoginService(new PasswordLoginService(users, metrics::authFailure));
    security.setConstraintMappings(new ConstraintMapping[] {mapping});
    return security;
  }

  /** The port the server listens on (the actual one when configured as 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** The thin-driver URL for this server. */
  public String url() {
    String scheme = config.tls() == null ? "http" : "https";
    String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
    return "jdbc:avatica:remote:url=" + scheme + "://" + host + ":" + port() + ";serialization="
        + config.serialization().name().toLowerCase(java.util.Locale.ROOT);
  }

  public ServerMetrics metrics() {
    return metrics;
  }

  /** Statements executing or being fetched right now. */
  public int runningQueries() {
    return tracker.inFlight();
  }

  /**
   * Graceful shutdown: stops accepting connections, lets running statements finish within the
   * grace period, stops the rest, then closes Jetty, every engine connection and the query log.
   */
  @Override
  public synchronized void close() throws Exception {
    if (closed) {
      return;
    }
    closed = true;
    LOG.info("shutting down: {} statements running", tracker.inFlight());
    connector.shutdown();
    long deadline = System.nanoTime() + config.limits().shutdownGrace().toNanos();
    while (tracker.inFlight() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    if (tracker.inFlight() > 0) {
      LOG.warn("stopping {} statements still running after the grace period", tracker.inFlight());
      meta.stopAll();
      long hard = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (tracker.inFlight() > 0 && System.nanoTime() < hard) {
        Thread.sleep(20);
      }
    }
    try {
      jetty.stop();
    } finally {
      meta.closeAll();
      tracker.close();
      log.close();
    }
    LOG.info("stopped");
  }
}
