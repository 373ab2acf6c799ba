package dev.wafer.sql.server;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The structured query log: one JSON object per finished statement, one per line, appended to a
 * file ({@code --query-log FILE}) or, without a file, written to the SLF4J logger {@code
 * wafer.querylog} at INFO. Fields: {@code ts}, {@code user}, {@code remote}, {@code sql}, {@code
 * duration_ms}, {@code rows}, {@code outcome} and, when it failed, {@code error}.
 */
public final class QueryLog implements Closeable {
  private static final Logger SLF4J = LoggerFactory.getLogger("wafer.querylog");
  private final BufferedWriter out;

  private QueryLog(BufferedWriter out) {
    this.out = out;
  }

  /** A log appending to {@code file}, or to SLF4J when {@code file} is null. */
  public static QueryLog open(Path file) throws IOException {
    if (file == null) {
      return new QueryLog(null);
    }
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    return new QueryLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND));
  }

  /** One finished statement. */
  public record Entry(Instant ts, String user, String remote, String sql, long durationMillis, long rows,
      QueryOutcome outcome, String error) {}

  /** Writes one line; flushed at once so a crash loses nothing already reported. */
  public void write(Entry e) {
    String line = toJson(e);
    if (out == null) {
      SLF4J.info(line);
      return;
    }
    synchronized (this) {
      try {
        out.write(line);
        out.write('\n');
        out.flush();
      } catch (IOException ex) {
        throw new UncheckedIOException("cannot write the query log", ex);
      }
    }
  }

  static String toJson(Entry e) {
    StringBuilder sb = new StringBuilder(128 + e.sql().length());
    sb.append("{\"ts\":\"").append(e.ts()).append('"');
    field(sb, "user", e.user());
    field(sb, "remote", e.remote());
    field(sb, "sql", e.sql());
    sb.append(",\"duration_ms\":").append(e.durationMillis());
    sb.append(",\"rows\":").append(e.rows());
    field(sb, "outcome", e.outcome().label());
    if (e.error() != null) {
      field(sb, "error", e.error());
    }
    return sb.append('}').toString();
  }

  private static void field(StringBuilder sb, String name, String value) {
    sb.append(",\"").append(name).append("\":");
    if (value == null) {
      sb.append("null");
      return;
    }
    sb.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  @Override
  public synchronized void close() throws IOException {
    if (out != null) {
      out.close();
    }
  }
}
