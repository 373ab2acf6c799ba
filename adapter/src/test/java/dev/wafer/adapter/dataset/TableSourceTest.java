package dev.wafer.adapter.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
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

  private static List<String> canonical(List<Map<String, Object>> rows) {
    return rows.stream().map(r -> r.entrySet().stream().filter(e -> !e.getKey().startsWith("__"))
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","))).sorted().toList();
  }
}
