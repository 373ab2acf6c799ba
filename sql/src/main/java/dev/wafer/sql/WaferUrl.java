package dev.wafer.sql;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * A parsed {@code jdbc:wafer:<root>[;key=value…]} URL: the dataset root (relative paths resolve
 * against the working directory) and the properties after it.
 *
 * @param root absolute dataset root
 * @param properties URL properties, in addition to those passed to {@code connect}
 */
public record WaferUrl(Path root, Properties properties) {
  public static final String PREFIX = "jdbc:wafer:";

  public WaferUrl {
    requireNonNull(root, "root");
    requireNonNull(properties, "properties");
  }

  /**
   * Parses a URL.
   *
   * @throws SQLException when the URL names no root or a property is not {@code key=value}
   */
  public static WaferUrl parse(String url) throws SQLException {
    if (!url.startsWith(PREFIX)) {
      throw new SQLException("not a Wafer URL: " + url + " (expected " + PREFIX + "<root>[;key=value...])");
    }
    String[] parts = url.substring(PREFIX.length()).split(";");
    Properties props = new Properties();
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].trim();
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new SQLException("malformed property '" + part + "' in " + url + " (expected key=value)");
      }
      props.setProperty(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
    }
    String root = parts.length == 0 ? "" : parts[0].trim();
    if (root.isEmpty()) {
      throw new SQLException("no dataset root in " + url + " (expected " + PREFIX + "<root>[;key=value...])");
    }
    return new WaferUrl(Path.of(root).toAbsolutePath().normalize(), props);
  }

  /** A URL for a root and properties. */
  public static String of(Path root, Map<String, String> properties) {
    StringBuilder sb = new StringBuilder(PREFIX).append(root.toAbsolutePath().normalize());
    properties.forEach((k, v) -> sb.append(';').append(k).append('=').append(v));
    return sb.toString();
  }
}
