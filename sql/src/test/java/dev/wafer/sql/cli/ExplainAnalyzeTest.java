package dev.wafer.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainAnalyzeTest {
  @TempDir Path dir;

  @Test
  void analyzeRunsTheQueryAndReportsWhatItsScansDid() {
    Path root = dir.resolve("d");
    // 200,000 seconds: three daily partitions of 86,400 + 86,400 + 27,200 rows
    assertThat(GenerateCommandTest.run("generate", "--out", root.toString(), "--rows", "200000",
        "--quiet").exit()).isZero();
    GenerateCommandTest.Run r = GenerateCommandTest.run("explain", "--analyze", "--data", root.toString(),
        "SELECT COUNT(*) FROM test_results WHERE ts >= TIMESTAMP '2024-01-02 00:00:00'"
            + " AND ts < TIMESTAMP '2024-01-03 00:00:00' AND test_value > 130");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("WaferTableScan").contains("files=1/3")
        .contains("rows returned: 1")
        .contains("files opened 1/1").contains("rows scanned 86,400")
        .containsPattern("time: plan [0-9.]+ ms")
        .as("the count is aggregated in the scan, so merging its partials is timed")
        .containsPattern("of which merging partial aggregates [0-9.]+ ms");
    GenerateCommandTest.Run plain = GenerateCommandTest.run("explain", "--data", root.toString(),
        "SELECT COUNT(*) FROM test_results");
    assertThat(plain.out()).contains("WaferTableScan").doesNotContain("rows returned");
  }
}
