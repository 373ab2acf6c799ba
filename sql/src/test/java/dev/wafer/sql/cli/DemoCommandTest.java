package dev.wafer.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void demoGeneratesItsDataOnceAndSurfacesTheInjectedBadWaferFirst() {
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

    GenerateCommandTest.Run second = GenerateCommandTest.run("demo", "--data", root.toString());
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.out()).contains("using the demo dataset").doesNotContain("generating");
  }
}
