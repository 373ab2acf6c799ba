package dev.wafer.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void demoGeneratesItsDataOnceAndSurfacesTheInjectedBadWaferAndDriftingTesterFirst() {
    Path root = dir.resolve("demo");
    GenerateCommandTest.Run first = GenerateCommandTest.run("demo", "--data", root.toString(), "--rows", "100000");
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("generating the demo dataset");
    for (DemoAnalyses.Analysis a : DemoAnalyses.all()) {
      assertThat(first.out()).contains("-- " + a.title());
    }
    String yield = first.out().substring(first.out().indexOf("-- Yield per wafer"));
    String firstRow = yield.lines().filter(l -> l.startsWith("W0")).findFirst().orElseThrow();
    assertThat(firstRow).startsWith("W017");
    String drift = first.out().substring(first.out().indexOf("-- Tester drift on Freq"));
    String worstTester = drift.lines().filter(l -> l.startsWith("T0")).findFirst().orElseThrow();
    assertThat(worstTester).as(drift).startsWith(dev.wafer.adapter.generate.Anomalies.DRIFT_TESTER_ID);

    GenerateCommandTest.Run second = GenerateCommandTest.run("demo", "--data", root.toString(),
        "--stdf", sharedStdf().toString());
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.out()).contains("using the demo dataset").doesNotContain("generating");
    // the real lot: ingested once beside the demo data, then yield per wafer and the bin pareto
    assertThat(second.out()).contains("ingesting the real tester files")
        .contains("-- Real lot: yield per wafer").contains("GAL-LOT-02")
        .contains("-- Real lot: failing soft-bin pareto").contains("RETEST_BIN");
    assertThat(dir.resolve("demo-stdf").resolve("stdf_parts")).isDirectory();
  }

  /** {@code shared/data/stdf} beside the checkout, found from the working directory upwards. */
  static Path sharedStdf() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path sibling = p.resolveSibling("shared").resolve("data").resolve("stdf");
      if (java.nio.file.Files.isDirectory(sibling)) {
        return sibling;
      }
    }
    throw new IllegalStateException("shared/data/stdf not found above " + Path.of("").toAbsolutePath());
  }
}
