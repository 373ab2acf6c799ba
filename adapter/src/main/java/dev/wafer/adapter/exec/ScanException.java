package dev.wafer.adapter.exec;

/**
 * A scan failed: corrupt or unreadable input (the message names the file and the reason), a
 * cancelled statement, or an exceeded query timeout. JDBC reports it as an {@code SQLException}.
 */
public final class ScanException extends RuntimeException {
  public ScanException(String message) {
    super(message);
  }

  public ScanException(String message, Throwable cause) {
    super(message, cause);
  }
}
