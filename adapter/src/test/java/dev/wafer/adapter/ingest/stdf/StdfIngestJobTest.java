package dev.wafer.adapter.ingest.stdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.dataset.ReadBack;
import dev.wafer.adapter.dataset.WriteOptions;
import dev.wafer.adapter.ingest.FileOutcome;
import dev.wafer.adapter.ingest.IngestJob;
import dev.wafer.adapter.ingest.IngestReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Many STDF files through {@link IngestJob}: good ones land whole, bad ones not at all. */
class StdfIngestJobTest {
  @TempDir Path dir;
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void noLeaks() {
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  private IngestReport ingest(Path root, List<Path> files, String partitionBy) throws IOException {
    return IngestJob.run(new StdfIngester(8192), files,
        new IngestJob.Target(root, "test_results", partitionBy, WriteOptions.defaults(), 2),
        allocator, IngestJob.QUIET);
  }

  @Test
  void theRealFilesIngestWithTheirPartsAndBins() throws IOException {
    List<Path> files = RealStdf.FILES.stream().map(RealStdf::file).toList();
    Path root = dir.resolve("ds");
    IngestReport report = ingest(root, files, "lot_id");
    assertThat(report.failures()).isEmpty();
    long rows = 0;
    long parts = 0;
    long bins = 0;
    java.util.Set<String> lots = new java.util.HashSet<>();
    for (Path f : files) {
      StdfScan s = StdfFiles.scan(f);
      lots.add("lot_id=" + s.run().lotId());
      rows += s.rows();
      parts += s.recordCounts().get("PRR");
      bins += s.recordCounts().getOrDefault("HBR", 0L) + s.recordCounts().getOrDefault("SBR", 0L);
    }
    assertThat(report.rows()).isEqualTo(rows);
    List<Map<String, Object>> results = ReadBack.rows(root.resolve("test_results"), allocator);
    assertThat((long) results.size()).isEqualTo(rows);
    assertThat(results).extracting(r -> r.get("__partition")).containsOnly(lots.toArray());
    assertThat(lots).hasSize(3); // lot2 and lot3 are one lot
    List<Map<String, Object>> partRows = ReadBack.rows(root.resolve(StdfSchemas.PARTS_TABLE), allocator);
    assertThat((long) partRows.size()).isEqualTo(parts);
    assertThat((long) ReadBack.rows(root.resolve(StdfSchemas.BINS_TABLE), allocator).size()).isEqualTo(bins);
    // yield per wafer from the parts table equals the WRR good counts of a595
    long good02 = partRows.stream().filter(r -> "02".equals(r.get("wafer_id")))
        .filter(r -> Boolean.TRUE.equals(r.get("passed"))).count();
    assertThat(good02).isEqualTo(StdfFiles.scan(RealStdf.file("a595.stdf.gz")).wafers().get(0).goodCnt());
  }

  @Test
  void aBadFileIsReportedWithItsOffsetAndTheOthersStillLand(@TempDir Path in) throws IOException {
    byte[] metis = RealStdf.bytes("metis_test.std");
    Path cut = Files.write(in.resolve("cut.std"), java.util.Arrays.copyOf(metis, 20_001));
    Path good = RealStdf.file("metis_test.std");
    Path root = dir.resolve("ds");
    IngestReport report = ingest(root, List.of(cut, good), "none");
    assertThat(report.files()).extracting(FileOutcome::ok).containsExactly(false, true);
    FileOutcome bad = report.files().get(0);
    assertThat(bad.error().offset()).isBetween(0L, 20_001L);
    assertThat(bad.error().getMessage()).contains("cut.std").contains("at byte " + bad.error().offset());
    assertThat((long) ReadBack.rows(root.resolve("test_results"), allocator).size())
        .isEqualTo(StdfFiles.scan(good).rows());
    assertThat(ReadBack.rows(root.resolve(StdfSchemas.PARTS_TABLE), allocator))
        .extracting(r -> r.get("source_file")).containsOnly(good.toString());
  }

  /**
   * Random truncations and byte flips of the real files (fixed seed): the ingest either
   * succeeds with exactly the rows its scan promised, or reports a decoding error; it never
   * throws, hangs, fails unexpectedly or leaves anything of the bad file behind.
   */
  @Test
  @Timeout(120)
  void fuzzedFilesNeverCrashHangOrLeavePartialOutput(@TempDir Path in) throws IOException {
    Random random = new Random(20240917L);
    record Case(String name, int iterations) {}
    int failures = 0;
    int successes = 0;
    int n = 0;
    for (Case c : List.of(new Case("metis_test.std", 60), new Case("a595.stdf.gz", 12),
        new Case("lot2.stdf.gz", 8))) {
      byte[] original = RealStdf.bytes(c.name());
      for (int i = 0; i < c.iterations(); i++) {
        byte[] mutated = mutate(original, random);
        Path f = Files.write(in.resolve("fuzz" + n + ".std"), mutated);
        Path root = dir.resolve("fuzz" + n++);
        IngestReport report = ingest(root, List.of(f), "none");
        FileOutcome o = report.files().get(0);
        if (o.ok()) {
          successes++;
          assertThat((long) ReadBack.rows(root.resolve("test_results"), allocator).size()).isEqualTo(o.rows());
        } else {
          failures++;
          assertThat(o.error().getMessage()).doesNotContain("unexpected error").contains(f.toString());
          assertThat(o.error().offset()).isBetween(0L, (long) mutated.length);
          if (!Files.exists(root)) {
            continue; // nothing was even started
          }
          try (Stream<Path> s = Files.list(root)) {
            assertThat(s.map(p -> p.getFileName().toString()))
                .as("nothing but lock files after a failed ingest").allMatch(x -> x.endsWith(".lock"));
          }
        }
      }
    }
    // a compressed file damaged in its compressed bytes fails cleanly too
    byte[] gz = Files.readAllBytes(RealStdf.file("lot3.stdf.gz"));
    for (int i = 0; i < 4; i++) {
      byte[] m = gz.clone();
      m[20 + random.nextInt(m.length - 40)] ^= (byte) (1 + random.nextInt(255));
      Path f = Files.write(in.resolve("gz" + i + ".stdf.gz"), m);
      FileOutcome o = ingest(dir.resolve("gz" + i), List.of(f), "none").files().get(0);
      assertThat(o.ok()).isFalse();
      assertThat(o.error().getMessage()).doesNotContain("unexpected error");
    }
    assertThat(failures).isPositive();
    assertThat(successes + failures).isEqualTo(80);
  }

  private static byte[] mutate(byte[] original, Random random) {
    if (random.nextBoolean()) {
      return java.util.Arrays.copyOf(original, random.nextInt(original.length));
    }
    byte[] m = original.clone();
    int flips = 1 + random.nextInt(8);
    for (int k = 0; k < flips; k++) {
      m[random.nextInt(m.length)] ^= (byte) (1 + random.nextInt(255));
    }
    return m;
  }
}
