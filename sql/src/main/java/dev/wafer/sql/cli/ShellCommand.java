package dev.wafer.sql.cli;

import dev.wafer.sql.WaferDriver;
import java.io.IOException;
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
    String[] args = {"-d", WaferDriver.class.getName(), "-u", data.url(), "-n", "", "-p", ""};
    SqlLine.Status status = new SqlLine().begin(args, null, true);
    return status == SqlLine.Status.OK ? 0 : 1;
  }
}
