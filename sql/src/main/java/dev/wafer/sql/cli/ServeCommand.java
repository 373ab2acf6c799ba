package dev.wafer.sql.cli;

import dev.wafer.sql.server.ServerConfig;
import dev.wafer.sql.server.WaferServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.calcite.avatica.remote.Driver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wafer serve --data DIR [...]}: runs the Avatica server until SIGTERM or Ctrl-C, then shuts
 * down gracefully. Options are documented in {@code docs/SERVER.md}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve a dataset to remote JDBC clients (Avatica thin driver: Tableau, DBeaver, scripts).")
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "Dataset root directory.")
  Path data;

  @Option(names = "--threads", paramLabel = "N", description = "Scan worker threads per query (default: processors).")
  Integer threads;

  @Option(names = "--port", defaultValue = "8765", paramLabel = "PORT", description = "TCP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDR",
      description = "Address to listen on (default: ${DEFAULT-VALUE}); a non-loopback address requires --users.")
  String bind;

  @Option(names = "--serialization", defaultValue = "protobuf", paramLabel = "FORMAT",
      description = "Avatica wire format: protobuf or json (default: ${DEFAULT-VALUE}).")
  String serialization;

  @Option(names = "--users", paramLabel = "FILE", description = "Users file for HTTP BASIC authentication (see wafer passwd).")
  Path users;

  @Option(names = "--tls-keystore", paramLabel = "FILE", description = "Keystore (PKCS12/JKS) with the server key: serve HTTPS.")
  Path keystore;

  @Option(names = "--tls-password-env", defaultValue = "WAFER_TLS_PASSWORD", paramLabel = "VAR",
      description = "Environment variable holding the keystore password (default: ${DEFAULT-VALUE}).")
  String keystorePasswordEnv;

  @Option(names = "--query-timeout", defaultValue = "300", paramLabel = "SECONDS",
      description = "Longest a statement may run, execute to last row; 0 = none (default: ${DEFAULT-VALUE}).")
  long queryTimeout;

  @Option(names = "--max-running", paramLabel = "N", description = "Statements doing work at once (default: processors).")
  Integer maxRunning;

  @Option(names = "--max-queued", defaultValue = "64", paramLabel = "N",
      description = "Statements that may wait for a slot; more are refused (default: ${DEFAULT-VALUE}).")
  int maxQueued;

  @Option(names = "--idle-timeout", defaultValue = "1800", paramLabel = "SECONDS",
      description = "Close connections unused this long (default: ${DEFAULT-VALUE}).")
  long idleTimeout;

  @Option(names = "--max-query-memory", paramLabel = "BYTES", converter = ByteSize.class,
      description = "Memory one query's GROUP BY state may hold, e.g. 512m or 2g (default: a quarter of the heap).")
  Long maxQueryMemory;

  @Option(names = "--query-log", paramLabel = "FILE", description = "Append the JSON-lines query log here (default: the server log).")
  Path queryLog;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(data)) {
      spec.commandLine().getErr().println("error: dataset root " + data + " is not a directory");
      return 2;
    }
    Driver.Serialization ser;
    try {
      ser = Driver.Serialization.valueOf(serialization.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: unknown serialization '" + serialization + "'; valid: protobuf, json");
      return 2;
    }
    ServerConfig.Limits d = ServerConfig.Limits.defaults();
    ServerConfig.Limits limits = new ServerConfig.Limits(Duration.ofSeconds(queryTimeout),
        maxRunning == null ? d.maxRunning() : maxRunning, maxQueued, d.maxQueueWait(),
        Duration.ofSeconds(idleTimeout), d.shutdownGrace(), maxQueryMemory);
    ServerConfig config = ServerConfig.defaults(data).withThreads(threads).withAddress(bind, port)
        .withSerialization(ser).withUsers(users).withLimits(limits).withQueryLog(queryLog);
    if (keystore != null) {
      String password = System.getenv(keystorePasswordEnv);
      if (password == null) {
        spec.commandLine().getErr().println("error: --tls-keystore needs the keystore password in $" + keystorePasswordEnv);
        return 2;
      }
      config = config.withTls(new ServerConfig.Tls(keystore, password));
    }
    WaferServer server = WaferServer.start(config);
    spec.commandLine().getOut().println("Wafer server listening; connect with " + server.url());
    spec.commandLine().getOut().flush();
    CountDownLatch stopped = new CountDownLatch(1);
    // SIGTERM and Ctrl-C run shutdown hooks: shut down gracefully before the JVM exits
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        spec.commandLine().getErr().println("error during shutdown: " + e.getMessage());
      } finally {
        stopped.countDown();
      }
    }, "wafer-shutdown"));
    stopped.await();
    return 0;
  }
}
