package dev.wafer.sql.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wafer demo}: the README's main job. Generates the seed's 1M-row dataset under {@code
 * data/demo} when it is absent, then shows what Wafer made of it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Generate the demo dataset if absent (data/demo) and run the seed's analyses.")
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--data", description = "Demo dataset root. Default: <wafer home>/data/demo.")
  Path data;

  @Option(names = "--rows", defaultValue = "1000000", description = "Rows to generate when absent. Default: ${DEFAULT-VALUE}.")
  long rows;

  @Override
  public Integer call() {
    Path root = data != null ? data : defaultRoot();
    CommandLine cli = spec.commandLine();
    if (!Files.isDirectory(root.resolve("test_results"))) {
      cli.getOut().println("== generating the demo dataset (" + rows + " rows) under " + root);
      int rc = WaferCli.newCommandLine().setOut(cli.getOut()).setErr(cli.getErr())
          .execute("generate", "--out", root.toString(), "--rows", Long.toString(rows));
      if (rc != 0) {
        return rc;
      }
    } else {
      cli.getOut().println("== using the demo dataset under " + root);
      int rc = WaferCli.newCommandLine().setOut(cli.getOut()).setErr(cli.getErr())
          .execute("partitions", "--data", root.toString(), "--table", "test_results");
      if (rc != 0) {
        return rc;
      }
    }
    return 0;
  }

  /** {@code data/demo} under the checkout the launcher runs from, else the working directory. */
  static Path defaultRoot() {
    String home = System.getProperty("wafer.home");
    return (home != null ? Path.of(home) : Path.of("")).toAbsolutePath().resolve("data").resolve("demo");
  }
}
