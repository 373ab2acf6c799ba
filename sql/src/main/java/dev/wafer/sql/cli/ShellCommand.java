package dev.wafer.sql.cli;

import dev.wafer.sql.WaferDriver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import sqlline.SqlLine;

/** {@code wafer shell --data DIR}: an interactive SQL shell (sqlline) on the dataset. */
@Command(name = "shell", mixinStandardHelpOptions = true,
    description = "Interactive SQL shell (sqlline) over a dataset. !quit leaves, !help lists commands.")
public final class ShellCommand implements Callable<Integer> {
  @Mixin DataOptions data;

  @Override
  public Integer call() throws IOException {
    return run(null, null);
  }

  /**
   * Runs the shell on the given input and output (null: the terminal), e.g. a script in tests.
   *
   * @return 0 when the shell ended normally
   */
  int run(InputStream in, OutputStream out) throws IOException {
    // a pipe or dumb terminal reports width 0, with which sqlline prints empty columns
    String[] args = {"-d", WaferDriver.class.getName(), "-u", data.url(), "-n", "", "-p", "",
        "--maxWidth=" + terminalWidth(), "--isolation=TRANSACTION_NONE"};
    SqlLine sqlline = new SqlLine();
    if (out != null) {
      sqlline.setOutputStream(out);
      sqlline.setErrorStream(out);
    }
    SqlLine.Status status = sqlline.begin(args, in, in == null);
    return status == SqlLine.Status.OK ? 0 : 1;
  }

  private static int terminalWidth() {
    String columns = System.getenv("COLUMNS");
    try {
      return columns == null ? 160 : Math.max(40, Integer.parseInt(columns.trim()));
    } catch (NumberFormatException e) {
      return 160;
    }
  }
}
