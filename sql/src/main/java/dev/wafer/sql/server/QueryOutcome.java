package dev.wafer.sql.server;

import java.util.Locale;

/** How a statement ended, as logged and counted. */
public enum QueryOutcome {
  /** All rows sent (or the client closed the statement early). */
  OK,
  /** The engine raised an error. */
  ERROR,
  /** The server's query timeout passed. */
  TIMEOUT,
  /** The client closed the statement or connection while it ran, or the server shut down. */
  CANCELLED,
  /** Not a read-only statement. */
  REFUSED,
  /** The wait queue was full, or the wait for a slot timed out. */
  REJECTED;

  /** The lower-case name used in the log and as the metric label. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
