package dev.wafer.sql.cli;

import dev.wafer.adapter.exec.RecentScans;
import dev.wafer.adapter.exec.ScanReport;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

  @Option(names = "--analyze",
      description = "Also run the query and report what each scan did, and the time per phase.")
  boolean analyze;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Connection c = data.connect(); Statement s = c.createStatement()) {
      long t0 = System.nanoTime();
      try (ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
        while (rs.next()) {
          out.print(rs.getString(1));
        }
      }
      double planMs = (System.nanoTime() - t0) / 1e6;
      if (analyze) {
        analyze(s, planMs, out);
      }
      out.flush();
      return 0;
    } catch (SQLException e) {
      return CliErrors.report(spec, e);
    }
  }

  /** Runs the query, then prints the reports of the scans it ran (newer than its start). */
  private void analyze(Statement s, double planMs, PrintWriter out) throws SQLException {
    long startedAt = System.currentTimeMillis();
    long t0 = System.nanoTime();
    long rows = 0;
    try (ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= n; i++) {
          rs.getObject(i);
        }
        rows++;
      }
    }
    double totalMs = (System.nanoTime() - t0) / 1e6;
    List<ScanReport> scans = RecentScans.list().stream()
        .filter(r -> r.startedAtMillis() >= startedAt).toList();
    out.printf(Locale.ROOT, "%nrows returned: %,d%n", rows);
    out.printf(Locale.ROOT, "time: plan %.1f ms (EXPLAIN: parse, optimize), execute %.1f ms "
        + "(plan again, generate code, scan, merge and fetch)%n", planMs, totalMs);
    for (ScanReport r : scans) {
      out.printf(Locale.ROOT, "scan %s: files opened %d/%d, batches skipped by statistics %d/%d, "
              + "rows scanned %,d, rows returned %,d, bytes read %.2f MB, scan time %.1f ms "
              + "(of which merging partial aggregates %.1f ms)%n",
          r.table(), r.filesOpened(), r.files(), r.batchesSkipped(), r.batches(), r.rowsScanned(),
          r.rowsReturned(), r.bytesRead() / 1e6, r.elapsedNanos() / 1e6, r.mergeNanos() / 1e6);
    }
    if (scans.isEmpty()) {
      out.println("no Wafer scan ran (the answer came from statistics or constants)");
    }
  }
}
