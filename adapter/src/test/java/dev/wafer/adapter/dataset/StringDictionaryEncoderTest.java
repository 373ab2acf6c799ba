package dev.wafer.adapter.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wafer.adapter.ingest.ListSource;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files the writer finishes have their low-cardinality plain strings dictionary-encoded, losslessly. */
class StringDictionaryEncoderTest {
  @TempDir Path root;
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void noLeaks() {
    try {
      assertThat(allocator.getAllocatedMemory()).as("Arrow bytes still allocated").isZero();
    } finally {
      allocator.close();
    }
  }

  private static final Schema SCHEMA = new Schema(List.of(
      Field.nullable("lot", ArrowType.Utf8.INSTANCE),
      Field.nullable("serial", ArrowType.Utf8.INSTANCE),
      Field.nullable("empty", ArrowType.Utf8.INSTANCE),
      Field.nullable("note", ArrowType.Utf8.INSTANCE),
      Field.nullable("v", new ArrowType.Int(32, true))), Map.of("origin", "a test"));

  /** lot: 3 values and NULLs; serial: unique; empty: all NULL; note: 40 long values, 2-byte UTF-8. */
  private static String[] row(int i) {
    return new String[] {i % 7 == 0 ? null : "LOT-" + (i % 3), "S" + i, null,
        "notë-" + (i % 40) + "-longer-than-a-word", Integer.toString(i)};
  }

  private Path write(String table, WriteOptions options, int rows) throws IOException {
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      ids.add(i);
    }
    try (ListSource<Integer> src = new ListSource<>(SCHEMA, ids, (i, r, at) -> {
      String[] values = row(i);
      for (int c = 0; c < 4; c++) {
        VarCharVector v = (VarCharVector) r.getVector(c);
        if (values[c] == null) {
          v.setNull(at);
        } else {
          v.setSafe(at, values[c].getBytes(StandardCharsets.UTF_8));
        }
      }
      ((IntVector) r.getVector(4)).setSafe(at, i);
    }, allocator)) {
      DatasetWriter.write(root, table, src, PartitionSpec.UNPARTITIONED, List.of(), options, allocator, n -> {});
    }
    List<DataFile> files = TableFiles.list(root.resolve(table));
    assertThat(files).hasSize(1);
    return files.get(0).path();
  }

  /** Per column name, whether the file stores it dictionary-encoded. */
  private Map<String, Boolean> encoded(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file); ArrowFileReader reader = new ArrowFileReader(ch, allocator)) {
      Map<String, Boolean> out = new HashMap<>();
      for (Field f : reader.getVectorSchemaRoot().getSchema().getFields()) {
        out.put(f.getName(), f.getDictionary() != null);
      }
      return out;
    }
  }

  @Test
  void lowCardinalityColumnsAreEncodedAndEveryValueReadsBack() throws IOException {
    Path file = write("t", WriteOptions.defaults().withBatchRows(1000), 2500);
    assertThat(encoded(file)).containsExactlyInAnyOrderEntriesOf(
        Map.of("lot", true, "serial", false, "empty", false, "note", true, "v", false));
    List<Map<String, Object>> rows = ReadBack.rows(root.resolve("t"), allocator);
    assertThat(rows).hasSize(2500);
    for (int i = 0; i < rows.size(); i++) {
      String[] expected = row(i);
      Map<String, Object> actual = rows.get(i);
      assertThat(actual.get("lot")).as("row %d", i).isEqualTo(expected[0]);
      assertThat(actual.get("serial")).isEqualTo(expected[1]);
      assertThat(actual.get("empty")).isNull();
      assertThat(actual.get("note")).isEqualTo(expected[3]);
      assertThat(actual.get("v")).isEqualTo(i);
    }
    try (FileChannel ch = FileChannel.open(file); ArrowFileReader reader = new ArrowFileReader(ch, allocator)) {
      List<Integer> batchRows = new ArrayList<>();
      for (ArrowBlock block : reader.getRecordBlocks()) {
        reader.loadRecordBatch(block);
        batchRows.add(reader.getVectorSchemaRoot().getRowCount());
      }
      assertThat(batchRows).containsExactly(1000, 1000, 500);
      assertThat(reader.getVectorSchemaRoot().getSchema().getCustomMetadata()).containsEntry("origin", "a test");
      Field lot = reader.getVectorSchemaRoot().getSchema().findField("lot");
      Field note = reader.getVectorSchemaRoot().getSchema().findField("note");
      assertThat(lot.getDictionary().getId()).isNotEqualTo(note.getDictionary().getId());
      assertThat(reader.lookup(lot.getDictionary().getId()).getVector().getValueCount()).isEqualTo(3);
      assertThat(reader.lookup(note.getDictionary().getId()).getVector().getValueCount()).isEqualTo(40);
    }
    try (Stream<Path> left = Files.walk(root)) {
      assertThat(left.filter(p -> p.getFileName().toString().contains("encoding"))).isEmpty();
    }
  }

  @Test
  void aColumnPastTheBoundOrWithEncodingOffStaysPlainAndStatisticsAreTheSame() throws IOException {
    Path bounded = write("bounded", WriteOptions.defaults().withBatchRows(700).withMaxDictionaryEntries(32), 2100);
    assertThat(encoded(bounded)).containsEntry("lot", true).containsEntry("note", false);
    Path plain = write("plain", WriteOptions.defaults().withBatchRows(700).withMaxDictionaryEntries(0), 2100);
    assertThat(encoded(plain)).doesNotContainValue(true);
    assertThat(ReadBack.rows(root.resolve("bounded"), allocator)).extracting(r -> r.get("note"))
        .isEqualTo(ReadBack.rows(root.resolve("plain"), allocator).stream().map(r -> r.get("note")).toList());
    assertThat(footerStats(bounded)).isEqualTo(footerStats(plain));
  }

  @Test
  void sourceDictionariesAreKeptAndNewOnesGetFreshIds() throws IOException {
    try (SampleSource src = new SampleSource(allocator, 3000, 500, 3)) {
      DatasetWriter.write(root, "s", src, PartitionSpec.UNPARTITIONED, List.of(), WriteOptions.defaults(),
          allocator, n -> {});
    }
    List<Map<String, Object>> expected;
    try (SampleSource src = new SampleSource(allocator, 3000, 500, 3)) {
      expected = ReadBack.rows(src);
    }
    Path file = TableFiles.list(root.resolve("s")).get(0).path();
    try (FileChannel ch = FileChannel.open(file); ArrowFileReader reader = new ArrowFileReader(ch, allocator)) {
      Schema schema = reader.getVectorSchemaRoot().getSchema();
      assertThat(schema.findField("label").getDictionary()).isNotNull();
      assertThat(schema.findField("label").getDictionary().getId())
          .isNotEqualTo(schema.findField("name").getDictionary().getId());
    }
    List<Map<String, Object>> actual = ReadBack.rows(root.resolve("s"), allocator);
    actual.forEach(r -> r.keySet().removeIf(k -> k.startsWith("__")));
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void aFailedRewriteLeavesTheFileAsItWasAndNoTemporaryFile() throws IOException {
    Path file = write("t", WriteOptions.defaults().withMaxDictionaryEntries(0), 1000);
    byte[] before = Files.readAllBytes(file);
    Path tmp = file.resolveSibling("." + file.getFileName() + ".encoding");
    Files.createDirectory(tmp); // the temporary file cannot be created
    assertThatThrownBy(() -> StringDictionaryEncoder.encode(file, allocator, 100))
        .isInstanceOf(IOException.class).hasMessageContaining(file.toString());
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(tmp).doesNotExist();
    assertThat(StringDictionaryEncoder.encode(file, allocator, 100)).containsExactly("lot", "note");
    assertThat(encoded(file)).containsEntry("lot", true).containsEntry("serial", false);
  }

  private FileStats footerStats(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file); ArrowFileReader reader = new ArrowFileReader(ch, allocator)) {
      Schema schema = reader.getVectorSchemaRoot().getSchema(); // reads the footer
      return StatsCodec.decode(reader.getMetaData().get(FileStats.FOOTER_KEY), schema);
    }
  }
}
