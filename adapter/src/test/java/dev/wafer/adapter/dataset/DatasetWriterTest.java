package dev.wafer.adapter.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetWriterTest {
  @TempDir Path root;
  BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void checkLeaks() {
    assertThat(allocator.getAllocatedMemory()).as("Arrow bytes still allocated").isZero();
    allocator.close();
  }

  private WriteResult write(String table, String spec, WriteOptions options, long rows, long seed)
      throws IOException {
    try (SampleSource src = new SampleSource(allocator, rows, 1000, seed)) {
      return DatasetWriter.write(root, table, src, PartitionSpec.parse(spec, src.schema()),
          List.of(new Derivation("d", "ts", "day")), options, allocator, n -> {});
    }
  }

  private List<Map<String, Object>> sourceRows(long rows, long seed) throws IOException {
    try (SampleSource src = new SampleSource(allocator, rows, 777, seed)) {
      return ReadBack.rows(src);
    }
  }

  private static List<String> canonical(List<Map<String, Object>> rows, Set<String> drop) {
    return rows.stream()
        .map(r -> r.entrySet().stream()
            .filter(e -> !drop.contains(e.getKey()) && !e.getKey().startsWith("__"))
            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")))
        .sorted().toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "d", "ts:day", "ts:month", "name:hash(4)", "d,name:hash(3)",
      "x:range(-50,0,50)", "k:hash(5)", "label", "ok"})
  void writtenRowsReadBackEqualWithPlainArrowReader(String spec) throws IOException {
    WriteResult result = write("t", spec, WriteOptions.defaults().withBatchRows(500), 5000, 7);
    assertThat(result.rows()).isEqualTo(5000);
    List<Map<String, Object>> expected = sourceRows(5000, 7);
    List<Map<String, Object>> actual = ReadBack.rows(root.resolve("t"), allocator);
    Set<String> identity = spec.equals("d") ? Set.of("d")
        : spec.equals("label") ? Set.of("label") : spec.equals("ok") ? Set.of("ok")
        : spec.startsWith("d,") ? Set.of("d") : Set.of();
    assertThat(canonical(actual, identity)).isEqualTo(canonical(expected, identity));
    // every row sits in the directory its own values route it to
    for (Map<String, Object> row : actual) {
      assertThat(row.get("__partition").toString()).isNotNull();
    }
    if (spec.equals("ts:day")) {
      for (Map<String, Object> row : actual) {
        java.time.LocalDateTime ts = (java.time.LocalDateTime) row.get("ts");
        assertThat(row.get("__partition")).isEqualTo("ts_day=" + ts.toLocalDate());
      }
    }
  }

  @Test
  void identityPartitionColumnMovesIntoDirectoryNamesAndRowsKeepTheirDay() throws IOException {
    write("t", "d", WriteOptions.defaults(), 5000, 3);
    List<Map<String, Object>> actual = ReadBack.rows(root.resolve("t"), allocator);
    assertThat(actual.get(0)).doesNotContainKey("d");
    for (Map<String, Object> row : actual) {
      java.time.LocalDateTime ts = (java.time.LocalDateTime) row.get("ts");
      assertThat(row.get("__partition")).isEqualTo("d=" + ts.toLocalDate());
    }
    // 5000 minutes from 2024-01-01 = 4 days: 01..04
    assertThat(actual.stream().map(r -> r.get("__partition")).distinct().sorted().toList())
        .containsExactly("d=2024-01-01", "d=2024-01-02", "d=2024-01-03", "d=2024-01-04");
    TableMetadata meta = TableMetadata.read(root.resolve("t"));
    assertThat(meta.partitionColumns()).containsExactly(new PartitionColumn("d", "DATE"));
    assertThat(meta.derivations()).contains(new Derivation("d", "ts", "day"));
  }

  @Test
  void metadataRecordsTheSchemaAsTheFilesStoreIt() throws IOException {
    write("t", "none", WriteOptions.defaults(), 100, 1);
    TableMetadata meta = TableMetadata.read(root.resolve("t"));
    DataFile file = TableFiles.list(root.resolve("t")).get(0);
    try (FileChannel ch = FileChannel.open(file.path());
        ArrowFileReader reader = new ArrowFileReader(ch, allocator)) {
      // Arrow Java's in-memory schema types dictionary fields by their indices; files (and the
      // metadata) type them by their values
      Schema inMemory = reader.getVectorSchemaRoot().getSchema();
      assertThat(meta.fileSchema().getFields()).extracting(Field::getName)
          .isEqualTo(inMemory.getFields().stream().map(Field::getName).toList());
      for (Field f : inMemory.getFields()) {
        if (f.getDictionary() == null) {
          assertThat(meta.fileSchema().findField(f.getName()).getType()).isEqualTo(f.getType());
        }
      }
    }
    assertThat(meta.fileSchema().findField("name").getType())
        .isEqualTo(org.apache.arrow.vector.types.pojo.ArrowType.Utf8.INSTANCE);
    assertThat(meta.fileSchema().findField("name").getDictionary()).isNotNull();
  }

  @Test
  void hashPartitionsUseTheDocumentedBucketOfEachValue() throws IOException {
    write("t", "name:hash(4)", WriteOptions.defaults(), 3000, 5);
    for (Map<String, Object> row : ReadBack.rows(root.resolve("t"), allocator)) {
      int bucket = BucketHash.bucket(BucketHash.hashString((String) row.get("name")), 4);
      assertThat(row.get("__partition")).isEqualTo("name_bucket=" + bucket);
    }
  }

  @Test
  void storedStatisticsEqualStatisticsRecomputedFromTheData() throws IOException {
    write("t", "ts:day", WriteOptions.defaults().withBatchRows(300), 4000, 11);
    int files = 0;
    for (DataFile f : TableFiles.list(root.resolve("t"))) {
      files++;
      try (FileChannel ch = FileChannel.open(f.path());
          ArrowFileReader reader = new ArrowFileReader(ch, allocator)) {
        VectorSchemaRoot vsr = reader.getVectorSchemaRoot();
        FileStats stored = StatsCodec.decode(
            reader.getMetaData().get(FileStats.FOOTER_KEY), vsr.getSchema());
        List<ArrowBlock> blocks = reader.getRecordBlocks();
        assertThat(stored.batches()).hasSize(blocks.size());
        StatsCollector collector = new StatsCollector(reader);
        ContainerStats total = null;
        for (int b = 0; b < blocks.size(); b++) {
          reader.loadRecordBatch(blocks.get(b));
          ContainerStats recomputed = collector.collect(vsr);
          assertThat(stored.batches().get(b)).isEqualTo(recomputed);
          total = total == null ? recomputed : total.merge(recomputed);
        }
        assertThat(stored.file()).isEqualTo(total);
        assertThat(stored.file().column("x").nanCount()).isGreaterThanOrEqualTo(0);
      }
    }
    assertThat(files).isGreaterThan(1);
  }

  @Test
  void batchesHaveTheConfiguredSizeAndFilesRollAtTheSizeCap() throws IOException {
    WriteResult r = write("t", "none",
        WriteOptions.defaults().withBatchRows(256).withMaxFileBytes(20_000), 5000, 1);
    assertThat(r.files().size()).isGreaterThan(1);
    assertThat(r.files().stream().mapToLong(WrittenFile::rows).sum()).isEqualTo(5000);
    for (WrittenFile f : r.files()) {
      try (FileChannel ch = FileChannel.open(root.resolve("t").resolve(f.relativePath()));
          ArrowFileReader reader = new ArrowFileReader(ch, allocator)) {
        List<ArrowBlock> blocks = reader.getRecordBlocks();
        assertThat(blocks).hasSize(f.batches());
        for (int b = 0; b < blocks.size(); b++) {
          reader.loadRecordBatch(blocks.get(b));
          if (b < blocks.size() - 1) {
            assertThat(reader.getVectorSchemaRoot().getRowCount()).isEqualTo(256);
          }
        }
      }
    }
  }

  @Test
  void manyPartitionsWithFewOpenFilesStillWriteEveryRow() throws IOException {
    WriteResult r = write("t", "k:hash(32)", WriteOptions.defaults().withMaxOpenFiles(3), 6000, 2);
    assertThat(r.rows()).isEqualTo(6000);
    assertThat(ReadBack.rows(root.resolve("t"), allocator)).hasSize(6000);
    assertThat(r.files().stream().map(WrittenFile::partitionPath).distinct().count())
        .isEqualTo(33); // 32 buckets + the null bucket
  }

  @Test
  void failureMidWriteLeavesTheTableAsItWas() throws IOException {
    write("t", "d", WriteOptions.defaults(), 3000, 1);
    Map<String, Long> before = snapshot(root.resolve("t"));
    for (WriteMode mode : List.of(WriteMode.OVERWRITE, WriteMode.APPEND)) {
      try (SampleSource src = new SampleSource(allocator, 10_000, 1000, 9, 4)) {
        assertThatThrownBy(() -> DatasetWriter.write(root, "t", src,
            PartitionSpec.parse("d", src.schema()), List.of(),
            WriteOptions.defaults().withMode(mode).withBatchRows(100), allocator, n -> {}))
            .hasMessageContaining("injected failure");
      }
      assertThat(snapshot(root.resolve("t"))).isEqualTo(before);
    }
    try (Stream<Path> s = Files.list(root)) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.contains("staging")))
          .isEmpty();
    }
  }

  @Test
  void overwriteReplacesAndAppendAddsAndCreateRefusesAnExistingTable() throws IOException {
    write("t", "d", WriteOptions.defaults(), 3000, 1);
    assertThatThrownBy(() -> write("t", "d", WriteOptions.defaults(), 10, 1))
        .hasMessageContaining("already exists");
    write("t", "d", WriteOptions.defaults().withMode(WriteMode.APPEND), 2000, 2);
    assertThat(ReadBack.rows(root.resolve("t"), allocator)).hasSize(5000);
    write("t", "d", WriteOptions.defaults().withMode(WriteMode.OVERWRITE), 1000, 3);
    assertThat(canonical(ReadBack.rows(root.resolve("t"), allocator), Set.of("d")))
        .isEqualTo(canonical(sourceRows(1000, 3), Set.of("d")));
    assertThatThrownBy(() -> write("t", "ts:day", WriteOptions.defaults().withMode(WriteMode.APPEND), 10, 1))
        .hasMessageContaining("partitioned by 'd'");
  }

  @Test
  void refusesANonEmptyDirectoryThatIsNotAWaferTable() throws IOException {
    Files.createDirectories(root.resolve("t"));
    Files.writeString(root.resolve("t").resolve("notes.txt"), "precious");
    for (WriteMode mode : WriteMode.values()) {
      assertThatThrownBy(() -> write("t", "none", WriteOptions.defaults().withMode(mode), 10, 1))
          .hasMessageContaining("not a Wafer table");
    }
    assertThat(Files.readString(root.resolve("t").resolve("notes.txt"))).isEqualTo("precious");
  }

  @Test
  void anOverwriteKilledBetweenItsTwoRenamesIsRepairedByTheNextWrite() throws IOException {
    write("t", "none", WriteOptions.defaults(), 500, 1);
    Map<String, Long> before = snapshot(root.resolve("t"));
    // the state a kill leaves after "table -> .t.old-x" and before "staging -> table"
    Files.move(root.resolve("t"), root.resolve(".t.old-deadbeef"));
    Files.createDirectories(root.resolve(".t.staging-deadbeef"));
    try (TableTransaction tx = TableTransaction.begin(root, "t", WriteMode.APPEND)) {
      assertThat(tx.existing()).isNotNull();
    }
    assertThat(snapshot(root.resolve("t"))).isEqualTo(before);
    assertThat(Files.exists(root.resolve(".t.staging-deadbeef"))).isFalse();
  }

  @Test
  void parquetOutputHoldsTheSameRows() throws Exception {
    write("t", "d", WriteOptions.defaults().withFormat(FileFormat.PARQUET), 3000, 4);
    List<DataFile> files = TableFiles.list(root.resolve("t"));
    assertThat(files).isNotEmpty().allMatch(f -> f.format() == FileFormat.PARQUET);
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT name), "
            + "sum(k), count(x) FROM read_parquet('" + root.resolve("t") + "/**/*.parquet')")) {
      rs.next();
      List<Map<String, Object>> expected = sourceRows(3000, 4);
      assertThat(rs.getLong(1)).isEqualTo(3000);
      assertThat(rs.getLong(2)).isEqualTo(expected.stream().map(r -> r.get("name")).distinct().count());
      assertThat(rs.getLong(3)).isEqualTo(expected.stream().map(r -> r.get("k"))
          .filter(java.util.Objects::nonNull).mapToLong(o -> (Integer) o).sum());
      assertThat(rs.getLong(4)).isEqualTo(expected.stream().filter(r -> r.get("x") != null).count());
    }
  }

  private static Map<String, Long> snapshot(Path dir) throws IOException {
    Map<String, Long> m = new HashMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(dir.relativize(p).toString(), Files.size(p));
      }
    }
    return m;
  }
}
