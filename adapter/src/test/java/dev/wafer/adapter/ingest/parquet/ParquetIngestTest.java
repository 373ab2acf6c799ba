package dev.wafer.adapter.ingest.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.dataset.ReadBack;
import dev.wafer.adapter.dataset.WriteOptions;
import dev.wafer.adapter.ingest.FileOutcome;
import dev.wafer.adapter.ingest.IngestFormat;
import dev.wafer.adapter.ingest.IngestJob;
import dev.wafer.adapter.ingest.IngestReport;
import dev.wafer.adapter.ingest.InputPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hive-partitioned Parquet written by DuckDB comes in whole, re-partitioned as asked. */
class ParquetIngestTest {
  @TempDir Path dir;
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void noLeaks() {
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  @Test
  void hivePartitionedDuckDbOutputIsReadWithItsKeysAndRepartitioned() throws Exception {
    Path src = dir.resolve("src");
    Map<String, double[]> expected = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE r AS SELECT 'L' || (i % 3) AS lot, i % 5 AS wafer, i::INTEGER AS n,"
          + " (i * 0.5)::DOUBLE AS v, CASE WHEN i % 7 = 0 THEN NULL ELSE 'x' || i END AS note"
          + " FROM range(5000) t(i)");
      s.execute("COPY r TO '" + src + "' (FORMAT parquet, PARTITION_BY (lot))");
      try (ResultSet rs = s.executeQuery("SELECT wafer, count(*), sum(v), count(note) FROM r GROUP BY wafer")) {
        while (rs.next()) {
          expected.put(String.valueOf(rs.getLong(1)), new double[] {rs.getLong(2), rs.getDouble(3), rs.getLong(4)});
        }
      }
    }
    // a bad file among them fails alone
    Path junk = Files.writeString(Files.createDirectories(src.resolve("lot=L9")).resolve("junk.parquet"), "not parquet");
    List<Path> files = InputPaths.expand(List.of(src.toString()), IngestFormat.PARQUET::accepts);
    IngestReport report = IngestJob.run(new ParquetIngester(), files,
        new IngestJob.Target(dir.resolve("ds"), "t", "wafer", WriteOptions.defaults(), 2), allocator, IngestJob.QUIET);
    assertThat(report.failures()).extracting(FileOutcome::file).containsExactly(junk);
    assertThat(report.failures().get(0).error().getMessage()).contains("junk.parquet").contains("Parquet");
    List<Map<String, Object>> rows = ReadBack.rows(dir.resolve("ds/t"), allocator);
    Map<String, double[]> actual = new TreeMap<>();
    List<String> lots = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      String w = String.valueOf(r.get("__partition")).replace("wafer=", "");
      double[] a = actual.computeIfAbsent(w, k -> new double[3]);
      a[0]++;
      a[1] += (Double) r.get("v");
      a[2] += r.get("note") == null ? 0 : 1;
      lots.add((String) r.get("lot"));
    }
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    for (String w : expected.keySet()) {
      assertThat(actual.get(w)).as("wafer " + w).containsExactly(expected.get(w), org.assertj.core.data.Offset.offset(1e-6));
    }
    assertThat(lots).containsOnly("L0", "L1", "L2");
  }
}
