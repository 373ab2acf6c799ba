package dev.wafer.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.ingest.stdf.StdfFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {
  @TempDir Path dir;

  /** shared/data/stdf beside the repository (see SOURCES.md there). */
  private static Path stdfDir() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path d = p.resolveSibling("shared/data/stdf");
      if (Files.isDirectory(d)) {
        return d;
      }
    }
    throw new IllegalStateException("shared/data/stdf not found");
  }

  @Test
  void ingestsRealStdfByGlobAndListsTheBadFileWithItsOffset() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    byte[] metis = Files.readAllBytes(stdfDir().resolve("metis_test.std"));
    Path cut = Files.write(in.resolve("cut.std"), Arrays.copyOf(metis, 30_000));
    Path root = dir.resolve("ds");
    GenerateCommandTest.Run r = GenerateCommandTest.run("ingest", "--from",
        stdfDir() + "/*.stdf.gz", cut.toString(), "--out", root.toString(), "--partition-by", "lot_id", "--quiet");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    long rows = 0;
    for (String f : new String[] {"lot2.stdf.gz", "lot3.stdf.gz", "a595.stdf.gz"}) {
      rows += StdfFiles.scan(stdfDir().resolve(f)).rows();
    }
    assertThat(r.out()).contains("ingested 3 of 4 input files")
        .contains(String.format(Locale.ROOT, "%,d rows", rows)).contains("stdf_parts").contains("stdf_bins");
    assertThat(r.err()).contains("1 file(s) failed").contains("cut.std at byte ");
    assertThat(root.resolve("test_results/lot_id=GAL-LOT")).isDirectory();
  }

  @Test
  void badArgumentsExitTwoAndWriteNothing() {
    Path root = dir.resolve("ds");
    GenerateCommandTest.Run r = GenerateCommandTest.run("ingest", "--from",
        stdfDir().resolve("metis_test.std").toString(), "--out", root.toString(), "--partition-by", "lot:hash(4)");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("unknown partition column 'lot'").contains("lot_id");
    GenerateCommandTest.Run missing = GenerateCommandTest.run("ingest", "--from", dir.resolve("nope.std").toString(),
        "--out", root.toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file");
    assertThat(root.resolve("test_results")).doesNotExist();
  }

  @Test
  void csvBadRowsAreSkippedAndCountedOnRequest() throws Exception {
    Path csv = Files.writeString(dir.resolve("r.csv"), "lot,v\nA,1\nB\nC,2\n");
    Path root = dir.resolve("ds");
    GenerateCommandTest.Run fail = GenerateCommandTest.run("ingest", "--from", csv.toString(), "--out",
        root.toString(), "--table", "r", "--quiet");
    assertThat(fail.exit()).isEqualTo(1);
    assertThat(fail.err()).contains("r.csv line 3").contains("expected 2 fields");
    GenerateCommandTest.Run skip = GenerateCommandTest.run("ingest", "--from", csv.toString(), "--out",
        root.toString(), "--table", "r", "--on-error", "skip", "--quiet");
    assertThat(skip.exit()).as(skip.err()).isZero();
    assertThat(skip.out()).contains("skipped 1 bad rows").contains("r              2 rows");
  }
}
