package dev.wafer.sql.cli;

import dev.wafer.sql.WaferUrl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --data DIR} and {@code --threads N} options shared by commands that open a dataset. */
final class DataOptions {
  @Option(names = "--data", required = true, paramLabel = "DIR", description = "Dataset root directory.")
  Path data;

  @Option(names = "--threads", paramLabel = "N",
      description = "Scan worker threads per query (default: available processors).")
  Integer threads;

  String url() {
    Map<String, String> props = new LinkedHashMap<>();
    if (threads != null) {
      props.put("threads", threads.toString());
    }
    return WaferUrl.of(data, props);
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url());
  }
}
