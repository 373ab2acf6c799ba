package dev.wafer.sql.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code wafer query --data DIR [--format table|csv|json] "SQL"}: runs one SQL statement. */
@Command(name = "query", mixinStandardHelpOptions = true,
    description = "Run one SQL query over a dataset and print the result.")
public final class QueryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataOptions data;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "Output format: table, csv or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Parameters(index = "0", paramLabel = "SQL", description = "The query.")
  String sql;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ResultFormat f;
    try {
      f = ResultFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: unknown format '" + format + "'; valid: table, csv, json");
      return 2;
    }
    try (Connection c = data.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      f.print(rs, out);
      return 0;
    } catch (SQLException e) {
      return CliErrors.report(spec, e);
    }
  }
}
