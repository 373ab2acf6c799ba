package dev.wafer.adapter.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Bad input found while ingesting a file: names the file, where in it (a byte offset into the
 * decompressed stream, or a 1-based line) and, when known, the record or field, so a user can
 * find the problem with a hex dump or an editor.
 */
public final class IngestException extends IOException {
  private final Path file;
  private final long offset;
  private final long line;
  private final String where;
  private final String reason;

  private IngestException(Path file, long offset, long line, String where, String reason,
      Throwable cause) {
    super(format(file, offset, line, where, reason), cause);
    this.file = requireNonNull(file, "file");
    this.offset = offset;
    this.line = line;
    this.where = where;
    this.reason = requireNonNull(reason, "reason");
  }

  /** A problem at a byte offset of a binary file; {@code where} is e.g. a record and field. */
  public static IngestException atOffset(Path file, long offset, String where, String reason) {
    return new IngestException(file, offset, -1, where, reason, null);
  }

  /** As {@link #atOffset}, keeping the I/O error that revealed the problem. */
  public static IngestException atOffset(Path file, long offset, String where, String reason,
      Throwable cause) {
    return new IngestException(file, offset, -1, where, reason, cause);
  }

  /** A problem on a 1-based line of a text file; {@code field} names the column, or null. */
  public static IngestException atLine(Path file, long line, String field, String reason) {
    return new IngestException(file, -1, line, field, reason, null);
  }

  /** A problem with a whole file (unreadable, wrong format, incompatible schema). */
  public static IngestException ofFile(Path file, String reason, Throwable cause) {
    return new IngestException(file, -1, -1, null, reason, cause);
  }

  public Path file() {
    return file;
  }

  /** Byte offset of the problem in the (decompressed) file, or -1. */
  public long offset() {
    return offset;
  }

  /** 1-based line of the problem, or -1. */
  public long line() {
    return line;
  }

  /** Record and/or field concerned, or null. */
  public String where() {
    return where;
  }

  public String reason() {
    return reason;
  }

  private static String format(Path file, long offset, long line, String where, String reason) {
    StringBuilder sb = new StringBuilder().append(file);
    if (offset >= 0) {
      sb.append(" at byte ").append(offset);
    }
    if (line >= 0) {
      sb.append(" line ").append(line);
    }
    if (where != null) {
      sb.append(" (").append(where).append(')');
    }
    return sb.append(": ").append(reason).toString();
  }
}
