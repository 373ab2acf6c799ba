package dev.wafer.sql.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
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

  @Option(names = "--stdf", description = "Directory of real STDF files to ingest and analyse. "
      + "Default: ../shared/data/stdf beside the checkout, when present.")
  Path stdf;

  @Override
  public Integer call() throws SQLException {
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
    }
    runAnalyses(root, DemoAnalyses.all(), cli.getOut());
    Path stdfFiles = stdf != null ? stdf : defaultStdf();
    if (stdfFiles != null && Files.isDirectory(stdfFiles)) {
      Path stdfRoot = root.resolveSibling(root.getFileName() + "-stdf");
      if (!Files.isDirectory(stdfRoot.resolve("stdf_parts"))) {
        cli.getOut().println();
        cli.getOut().println("== ingesting the real tester files in " + stdfFiles + " into " + stdfRoot);
        int rc = WaferCli.newCommandLine().setOut(cli.getOut()).setErr(cli.getErr())
            .execute("ingest", "--from", stdfFiles.toString(), "--out", stdfRoot.toString(),
                "--partition-by", "lot_id", "--quiet");
        if (rc != 0) {
          return rc;
        }
      }
      runAnalyses(stdfRoot, DemoAnalyses.stdf(), cli.getOut());
    }
    return 0;
  }

  private static void runAnalyses(Path root, java.util.List<DemoAnalyses.Analysis> analyses,
      PrintWriter out) throws SQLException {
    String url = "jdbc:wafer:" + root;
    out.println();
    out.println("== connecting with " + url);
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      for (DemoAnalyses.Analysis a : analyses) {
        out.println();
        out.println("-- " + a.title());
        out.println(a.sql());
        long t0 = System.nanoTime();
        try (ResultSet rs = s.executeQuery(a.sql())) {
          if (a.summarize()) {
            long rows = 0;
            while (rs.next()) {
              rs.getString(1);
              rs.getDouble(2);
              rows++;
            }
            out.printf(Locale.ROOT, "(%,d rows fetched, 2 columns)%n", rows);
          } else {
            ResultFormat.TABLE.print(rs, out);
          }
        }
        out.printf(Locale.ROOT, "time: %.1f ms%n", (System.nanoTime() - t0) / 1e6);
      }
    }
  }

  /** The shared sample tester files beside the checkout ({@code ../shared/data/stdf}), if any. */
  static Path defaultStdf() {
    String home = System.getProperty("wafer.home");
    if (home == null) {
      return null;
    }
    Path p = Path.of(home).toAbsolutePath().resolveSibling("shared").resolve("data").resolve("stdf");
    return Files.isDirectory(p) ? p : null;
  }

  /** {@code data/demo} under the checkout the launcher runs from, else the working directory. */
  static Path defaultRoot() {
    String home = System.getProperty("wafer.home");
    return (home != null ? Path.of(home) : Path.of("")).toAbsolutePath().resolve("data").resolve("demo");
  }
}
