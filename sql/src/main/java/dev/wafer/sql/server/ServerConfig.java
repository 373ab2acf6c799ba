package dev.wafer.sql.server;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.calcite.avatica.remote.Driver;

/**
 * Everything {@code wafer serve} needs to start a server; immutable, with {@code withX} copies.
 *
 * @param data dataset root
 * @param threads scan workers per query, or null for the driver's default
 * @param bind address to listen on ({@code 127.0.0.1} by default; anything else needs {@code users})
 * @param port TCP port, 0 for an ephemeral one
 * @param serialization Avatica wire format
 * @param users users file for HTTP BASIC authentication, or null for none (loopback only)
 * @param tls keystore and password for HTTPS, or null for plain HTTP
 * @param limits timeouts and admission limits
 * @param queryLog JSON-lines query log file, or null to log through SLF4J
 */
public record ServerConfig(Path data, Integer threads, String bind, int port, Driver.Serialization serialization,
    Path users, Tls tls, Limits limits, Path queryLog) {
  /** The port clients expect by default. */
  public static final int DEFAULT_PORT = 8765;

  public ServerConfig {
    requireNonNull(data, "data");
    requireNonNull(bind, "bind");
    requireNonNull(serialization, "serialization");
    requireNonNull(limits, "limits");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** A keystore (PKCS12 or JKS) holding the server's key and certificate. */
  public record Tls(Path keystore, String password) {
    public Tls {
      requireNonNull(keystore, "keystore");
      requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "Tls[" + keystore + "]"; // never print the password
    }
  }

  /**
   * Server limits.
   *
   * @param queryTimeout longest a statement may run from execute to its last row (zero: none)
   * @param maxRunning statements doing engine work at once
   * @param maxQueued statements allowed to wait for a slot; more are refused at once
   * @param maxQueueWait longest wait for a slot
   * @param idleConnection a connection unused this long is closed
   * @param shutdownGrace on shutdown, how long running statements may finish before they are stopped
   * @param maxQueryMemory bytes one query's aggregation state may hold (the driver's
   *     {@code maxQueryMemory}), or null for the driver's default (a quarter of the heap)
   */
  public record Limits(Duration queryTimeout, int maxRunning, int maxQueued, Duration maxQueueWait,
      Duration idleConnection, Duration shutdownGrace, Long maxQueryMemory) {
    public Limits {
      requireNonNull(queryTimeout, "queryTimeout");
      requireNonNull(maxQueueWait, "maxQueueWait");
      requireNonNull(idleConnection, "idleConnection");
      requireNonNull(shutdownGrace, "shutdownGrace");
      if (maxRunning < 1 || maxQueued < 0) {
        throw new IllegalArgumentException("max running must be >= 1 and max queued >= 0");
      }
      if (maxQueryMemory != null && maxQueryMemory < 1) {
        throw new IllegalArgumentException("max query memory must be positive, got " + maxQueryMemory);
      }
    }

    /** 5 min timeout; running = processors, queue 64 waiting up to 60 s; idle 30 min; 30 s grace. */
    public static Limits defaults() {
      return new Limits(Duration.ofMinutes(5), Math.max(2, Runtime.getRuntime().availableProcessors()), 64,
          Duration.ofSeconds(60), Duration.ofMinutes(30), Duration.ofSeconds(30), null);
    }

    public Limits withQueryTimeout(Duration d) {
      return new Limits(d, maxRunning, maxQueued, maxQueueWait, idleConnection, shutdownGrace, maxQueryMemory);
    }

    public Limits withAdmission(int running, int queued, Duration wait) {
      return new Limits(queryTimeout, running, queued, wait, idleConnection, shutdownGrace, maxQueryMemory);
    }

    public Limits withShutdownGrace(Duration d) {
      return new Limits(queryTimeout, maxRunning, maxQueued, maxQueueWait, idleConnection, d, maxQueryMemory);
    }

    public Limits withMaxQueryMemory(Long bytes) {
      return new Limits(queryTimeout, maxRunning, maxQueued, maxQueueWait, idleConnection, shutdownGrace, bytes);
    }
  }

  /** Loopback, the default port, protobuf, no users, no TLS, default limits. */
  public static ServerConfig defaults(Path data) {
    return new ServerConfig(data, null, "127.0.0.1", DEFAULT_PORT, Driver.Serialization.PROTOBUF, null, null,
        Limits.defaults(), null);
  }

  public ServerConfig withThreads(Integer n) {
    return new ServerConfig(data, n, bind, port, serialization, users, tls, limits, queryLog);
  }

  public ServerConfig withAddress(String host, int p) {
    return new ServerConfig(data, threads, host, p, serialization, users, tls, limits, queryLog);
  }

  public ServerConfig withSerialization(Driver.Serialization s) {
    return new ServerConfig(data, threads, bind, port, s, users, tls, limits, queryLog);
  }

  public ServerConfig withUsers(Path file) {
    return new ServerConfig(data, threads, bind, port, serialization, file, tls, limits, queryLog);
  }

  public ServerConfig withTls(Tls t) {
    return new ServerConfig(data, threads, bind, port, serialization, users, t, limits, queryLog);
  }

  public ServerConfig withLimits(Limits l) {
    return new ServerConfig(data, threads, bind, port, serialization, users, tls, l, queryLog);
  }

  public ServerConfig withQueryLog(Path file) {
    return new ServerConfig(data, threads, bind, port, serialization, users, tls, limits, file);
  }
}
