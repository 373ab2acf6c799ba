package dev.wafer.sql.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code wafer explain --data DIR "SQL"}: prints Calcite's physical plan with the scan specs. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Print the query plan, including each Wafer scan's specification.")
public final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataOptions data;

  @Parameters(index = "0", paramLabel = "SQL", description = "The query to explain.")
  String sql;

  @Override
  public Integer call() {
    try (Connection c = data.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      while (rs.next()) {
        spec.commandLine().getOut().print(rs.getString(1));
      }
      spec.commandLine().getOut().flush();
      return 0;
    } catch (SQLException e) {
      return CliErrors.report(spec, e);
    }
  }
}
