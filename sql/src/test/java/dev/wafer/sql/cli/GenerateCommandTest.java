package dev.wafer.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = WaferCli.newCommandLine()
        .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void generatesDailyPartitionsAndPrintsTheBalanceReport() throws Exception {
    Path root = dir.resolve("d");
    // 200,000 seconds from 2024-01-01 00:00 = 2 days 7.5 hours -> 3 daily partitions
    Run r = run("generate", "--out", root.toString(), "--rows", "200000", "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("partitions: 3  rows: 200000").contains("rows/s");
    try (Stream<Path> s = Files.list(root.resolve("test_results"))) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("_")).sorted())
          .containsExactly("test_date=2024-01-01", "test_date=2024-01-02", "test_date=2024-01-03");
    }
    assertThat(root.resolve("specs")).isDirectory();

    Run report = run("partitions", "--data", root.toString(), "--table", "test_results");
    assertThat(report.exit()).isZero();
    assertThat(report.out()).contains("test_date=2024-01-01").contains("86400")
        .contains("test_date=2024-01-03").contains("27200").contains("skew");
  }

  @Test
  void aMalformedPartitionSpecExitsWithTwoNamingTheChoicesAndWritesNothing() {
    Path root = dir.resolve("bad");
    Run r = run("generate", "--out", root.toString(), "--rows", "1000", "--partition-by", "wafer:hash(4)");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("unknown partition column 'wafer'").contains("wafer_id");
    Run r2 = run("generate", "--out", root.toString(), "--rows", "1000", "--partition-by", "ts:fortnight");
    assertThat(r2.exit()).isEqualTo(2);
    assertThat(r2.err()).contains("ts:fortnight").contains("COLUMN:day");
    assertThat(root.resolve("test_results")).doesNotExist();
  }

  @Test
  void anExistingTableNeedsAnExplicitMode() {
    Path root = dir.resolve("m");
    assertThat(run("generate", "--out", root.toString(), "--rows", "1000", "--quiet").exit()).isZero();
    Run again = run("generate", "--out", root.toString(), "--rows", "1000", "--quiet");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("already exists").contains("append or overwrite");
    Run append = run("generate", "--out", root.toString(), "--rows", "1000", "--quiet", "--mode", "append");
    assertThat(append.exit()).as(append.err()).isZero();
    Run report = run("partitions", "--data", root.toString());
    assertThat(report.out()).contains("rows: 2000");
  }
}
