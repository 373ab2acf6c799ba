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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableSourceTest {
  @TempDir Path root;

  @Test
  void rePartitioningATableKeepsEveryStoredRow() throws Exception {
    try (BufferAllocator allocator = new RootAllocator()) {
      try (SampleSource src = new SampleSource(allocator, 4000, 700, 8)) {
        DatasetWriter.write(root, "a", src, PartitionSpec.parse("ts:day", src.schema()), List.of(),
            WriteOptions.defaults().withBatchRows(500), allocator, n -> {});
      }
      try (TableSource src = TableSource.open(root.resolve("a"), allocator)) {
        assertThat(src.expectedRows()).isEqualTo(4000);
        // each day's file encodes 'label' with its own dictionary: streamed plain; 'name' shares one
        assertThat(src.schema().findField("label").getDictionary()).isNull();
        assertThat(src.schema().findField("name").getDictionary()).isNotNull();
        DatasetWriter.write(root, "b", src, PartitionSpec.parse("name:hash(3)", src.schema()),
            List.of(), WriteOptions.defaults(), allocator, n -> {});
      }
      assertThat(canonical(ReadBack.rows(root.resolve("b"), allocator)))
          .isEqualTo(canonical(ReadBack.rows(root.resolve("a"), allocator)));
      assertThat(TableFiles.list(root.resolve("b"))).extracting(DataFile::partitionPath)
          .allMatch(p -> p.startsWith("name_bucket="));
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }

  /**
   * A table partitioned by {@code p}: in partition 0 {@code label} repeats 5 values (its file
   * encodes it), in partition 1 every label is new (its file keeps it plain).
   */
  private void writeMixed(BufferAllocator allocator, String table, String column) throws IOException {
    Schema schema = new Schema(List.of(Field.nullable("p", new ArrowType.Int(32, true)),
        Field.nullable(column, ArrowType.Utf8.INSTANCE)));
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      rows.add(i);
    }
    try (ListSource<Integer> src = new ListSource<>(schema, rows, (i, r, at) -> {
      ((IntVector) r.getVector(0)).setSafe(at, i % 2);
      String label = i % 2 == 0 ? "L" + (i % 5) : "U" + i;
      ((VarCharVector) r.getVector(1)).setSafe(at, label.getBytes(StandardCharsets.UTF_8));
    }, allocator)) {
      DatasetWriter.write(root, table, src, PartitionSpec.parse("p", schema), List.of(), WriteOptions.defaults(),
          allocator, n -> {});
    }
  }

  @Test
  void aColumnEncodedInOneFileAndPlainInAnotherIsStreamedPlain() throws Exception {
    try (BufferAllocator allocator = new RootAllocator()) {
      writeMixed(allocator, "a", "label");
      List<Boolean> encoded = new ArrayList<>();
      for (DataFile f : TableFiles.list(root.resolve("a"))) {
        try (FileChannel ch = FileChannel.open(f.path()); ArrowFileReader r = new ArrowFileReader(ch, allocator)) {
          encoded.add(r.getVectorSchemaRoot().getSchema().findField("label").getDictionary() != null);
        }
      }
      assertThat(encoded).containsExactlyInAnyOrder(true, false);
      try (TableSource src = TableSource.open(root.resolve("a"), allocator)) {
        assertThat(src.schema().findField("label").getDictionary()).isNull();
        DatasetWriter.write(root, "b", src, PartitionSpec.UNPARTITIONED, List.of(), WriteOptions.defaults(),
            allocator, n -> {});
      }
      assertThat(canonical(ReadBack.rows(root.resolve("b"), allocator)))
          .isEqualTo(canonical(ReadBack.rows(root.resolve("a"), allocator)));
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }

  @Test
  void aFileWithOtherColumnsIsRefusedAtOpenAndNothingStaysAllocated() throws Exception {
    try (BufferAllocator allocator = new RootAllocator()) {
      writeMixed(allocator, "a", "label");
      writeMixed(allocator, "other", "name");
      Path stranger = TableFiles.list(root.resolve("other")).get(0).path();
      Path target = TableFiles.list(root.resolve("a")).get(0).path();
      Files.copy(stranger, target.resolveSibling("part-99999-stranger.arrow"));
      assertThatThrownBy(() -> TableSource.open(root.resolve("a"), allocator))
          .isInstanceOf(IOException.class).hasMessageContaining("schema differs");
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }

  private static List<String> canonical(List<Map<String, Object>> rows) {
    return rows.stream().map(r -> r.entrySet().stream().filter(e -> !e.getKey().startsWith("__"))
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","))).sorted().toList();
  }
}
