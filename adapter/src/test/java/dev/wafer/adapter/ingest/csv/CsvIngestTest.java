package dev.wafer.adapter.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.dataset.ReadBack;
import dev.wafer.adapter.dataset.TableMetadata;
import dev.wafer.adapter.dataset.WriteOptions;
import dev.wafer.adapter.ingest.FileOutcome;
import dev.wafer.adapter.ingest.IngestJob;
import dev.wafer.adapter.ingest.IngestReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvIngestTest {
  @TempDir Path dir;
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void noLeaks() {
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  private IngestReport ingest(CsvOptions options, String partitionBy, Path... files) throws IOException {
    return IngestJob.run(new CsvIngester(options), List.of(files),
        new IngestJob.Target(dir.resolve("ds"), "t", partitionBy, WriteOptions.defaults(), 2),
        allocator, IngestJob.QUIET);
  }

  private static final String GOOD = """
      lot,wafer,x,value,ok,day,ts,note
      L1,3,1,1.5,true,2024-01-03,2024-01-03T10:15:00,"a, quoted"
      L1,3,2,,false,2024-01-03,2024-01-03 10:16:30.250,
      L2,4,3000000000,2e3,TRUE,2024-01-04,2024-01-04T00:00:00Z,"multi
      line"
      """;

  @Test
  void typesAreInferredAndValuesMatchDuckDb() throws Exception {
    Path f = Files.writeString(dir.resolve("good.csv"), GOOD);
    IngestReport r = ingest(CsvOptions.defaults(), "lot", f);
    assertThat(r.failures()).isEmpty();
    Map<String, String> types = new java.util.LinkedHashMap<>();
    TableMetadata meta = TableMetadata.read(dir.resolve("ds/t"));
    for (Field fl : meta.fileSchema().getFields()) {
      types.put(fl.getName(), CsvType.of(fl.getType()).name());
    }
    assertThat(types).containsExactly(Map.entry("wafer", "INTEGER"), Map.entry("x", "BIGINT"),
        Map.entry("value", "DOUBLE"), Map.entry("ok", "BOOLEAN"), Map.entry("day", "DATE"),
        Map.entry("ts", "TIMESTAMP"), Map.entry("note", "VARCHAR"));
    List<Map<String, Object>> rows = ReadBack.rows(dir.resolve("ds/t"), allocator);
    rows.sort(java.util.Comparator.comparing(m -> ((Number) m.get("x")).longValue()));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT x, value, ok, ts, note FROM read_csv('" + f
            + "', header = true, timestampformat = '%Y-%m-%dT%H:%M:%S') ORDER BY x")) {
      int i = 0;
      while (rs.next()) {
        Map<String, Object> ours = rows.get(i++);
        assertThat(((Number) ours.get("x")).longValue()).isEqualTo(rs.getLong(1));
        assertThat(ours.get("value")).isEqualTo(rs.getObject(2) == null ? null : rs.getDouble(2));
        assertThat(ours.get("ok")).isEqualTo(rs.getBoolean(3));
        assertThat(ours.get("note")).isEqualTo(rs.getString(5));
      }
      assertThat(i).isEqualTo(3);
    }
    assertThat(rows.get(1).get("ts")).isEqualTo(java.time.LocalDateTime.of(2024, 1, 3, 10, 16, 30, 250_000_000));
    assertThat(rows.get(2).get("ts")).isEqualTo(java.time.LocalDateTime.of(2024, 1, 4, 0, 0));
    assertThat(rows).extracting(m -> m.get("__partition")).containsExactly("lot=L1", "lot=L1", "lot=L2");
  }

  @Test
  void aBadRowFailsItsFileNamingTheLineAndFieldOrIsSkippedAndCounted() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.csv"), "a,b\n1,2\n3\n4,x\n5,6\n");
    Path good = Files.writeString(dir.resolve("ok.csv"), "a,b\n7,8\n");
    CsvOptions typed = CsvOptions.parse("UTF-8", "b:INTEGER", "fail", ',');
    IngestReport failed = ingest(typed, "none", bad, good);
    assertThat(failed.files()).extracting(FileOutcome::ok).containsExactly(false, true);
    assertThat(failed.failures().get(0).error().getMessage()).contains("bad.csv line 3")
        .contains("expected 2 fields, found 1");
    assertThat(ReadBack.rows(dir.resolve("ds/t"), allocator)).hasSize(1);

    Path bad2 = Files.writeString(dir.resolve("bad2.csv"), "a,b\n1,2\n4,x\n");
    IngestReport failed2 = IngestJob.run(new CsvIngester(typed), List.of(bad2),
        new IngestJob.Target(dir.resolve("ds2"), "t", "none", WriteOptions.defaults(), 1), allocator, IngestJob.QUIET);
    assertThat(failed2.failures().get(0).error().getMessage()).contains("line 3 (b)")
        .contains("cannot read 'x' as INTEGER");
    assertThat(dir.resolve("ds2/t")).doesNotExist();

    CsvOptions skip = CsvOptions.parse("UTF-8", "b:INTEGER", "skip", ',');
    IngestReport skipped = IngestJob.run(new CsvIngester(skip), List.of(bad), new IngestJob.Target(
        dir.resolve("ds3"), "t", "none", WriteOptions.defaults(), 1), allocator, IngestJob.QUIET);
    assertThat(skipped.failures()).isEmpty();
    assertThat(skipped.skippedRows()).isEqualTo(2);
    assertThat(ReadBack.rows(dir.resolve("ds3/t"), allocator)).extracting(m -> m.get("b"))
        .containsExactlyInAnyOrder(2, 6);
  }

  @Test
  void bytesInvalidInTheEncodingNameTheLine() throws IOException {
    byte[] text = "a,b\n1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    Path f = Files.write(dir.resolve("latin1.csv"), text);
    IngestReport utf8 = ingest(CsvOptions.defaults(), "none", f);
    assertThat(utf8.failures().get(0).error().getMessage()).contains("latin1.csv line 2")
        .contains("UTF-8");
    IngestReport latin1 = IngestJob.run(new CsvIngester(CsvOptions.parse("ISO-8859-1", null, "fail", ',')),
        List.of(f), new IngestJob.Target(dir.resolve("l1"), "t", "none", WriteOptions.defaults(), 1),
        allocator, IngestJob.QUIET);
    assertThat(latin1.failures()).isEmpty();
    assertThat(ReadBack.rows(dir.resolve("l1/t"), allocator).get(0).get("b")).isEqualTo("caf\u00e9");
  }

  @Test
  void filesMergeByColumnNameWideningTypes() throws IOException {
    Path a = Files.writeString(dir.resolve("a.csv"), "k,v\n1,10\n");
    Path b = Files.writeString(dir.resolve("b.csv"), "v,k,extra\n2.5,x,e\n");
    IngestReport r = ingest(CsvOptions.defaults(), "none", a, b);
    assertThat(r.failures()).isEmpty();
    List<Map<String, Object>> rows = ReadBack.rows(dir.resolve("ds/t"), allocator);
    rows.sort(java.util.Comparator.comparing(m -> (String) m.get("k")));
    assertThat(rows).extracting(m -> m.get("k"), m -> m.get("v"), m -> m.get("extra")).containsExactly(
        org.assertj.core.groups.Tuple.tuple("1", 10.0, null),
        org.assertj.core.groups.Tuple.tuple("x", 2.5, "e"));
  }
}
