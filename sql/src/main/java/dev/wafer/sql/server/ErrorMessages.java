package dev.wafer.sql.server;

import java.sql.SQLException;

/** Turns an engine failure into the one message a client sees: each distinct cause once. */
final class ErrorMessages {
  private ErrorMessages() {}

  static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder();
    String last = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m == null || m.isBlank() || (last != null && last.contains(m))) {
        continue;
      }
      if (t instanceof RuntimeException && t.getCause() != null && m.equals(t.getCause().toString())) {
        continue; // a bare wrapper whose message is just its cause
      }
      if (sb.length() > 0) {
        sb.append(": ");
      }
      sb.append(m);
      last = m;
    }
    return sb.length() == 0 ? e.getClass().getSimpleName() : sb.toString();
  }

  /** The first SQLException in the cause chain, or null. */
  static SQLException sqlException(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        return s;
      }
    }
    return null;
  }
}
