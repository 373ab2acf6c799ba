package dev.wafer.sql.cli;

import java.sql.SQLException;
import picocli.CommandLine.Model.CommandSpec;

/** Prints a failed statement's message (and its causes, once each) to the command's error stream. */
final class CliErrors {
  private CliErrors() {}

  /** Reports the error; returns the exit code 1. */
  static int report(CommandSpec spec, SQLException e) {
    StringBuilder sb = new StringBuilder("error: ").append(e.getMessage());
    Throwable t = e.getCause();
    String last = e.getMessage();
    while (t != null) {
      String m = t.getMessage();
      if (m != null && (last == null || !last.contains(m))) {
        sb.append("\n  caused by: ").append(m);
        last = m;
      }
      t = t.getCause();
    }
    spec.commandLine().getErr().println(sb);
    return 1;
  }
}
