package dev.wafer.adapter.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.testing.ArrowTestWriter;
import dev.wafer.adapter.testing.TestColumn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zero-copy reading: whole-file mapping and batch-by-batch mapping (for files over 2 GB) agree. */
class MappedArrowFileTest {
  @TempDir Path dir;

  @Test
  void wholeAndPiecewiseMappingsReadTheSameValues() throws Exception {
    Path file = dir.resolve("f.arrow");
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      rows.add(new Object[] {(long) i * 3, i % 9 == 0 ? null : "s" + (i % 4)});
    }
    ArrowTestWriter.write(file, List.of(TestColumn.of("x", new ArrowType.Int(64, true)), TestColumn.dict("s")),
        rows, 128, true);
    try (BufferAllocator allocator = new RootAllocator()) {
      List<String> whole = read(file, allocator, Integer.MAX_VALUE);
      assertThat(allocator.getAllocatedMemory()).isZero();
      List<String> pieces = read(file, allocator, 4096); // smaller than the file: one mapping per batch
      assertThat(allocator.getAllocatedMemory()).isZero();
      assertThat(pieces).isEqualTo(whole).hasSize(1000);
      List<String> expected = new ArrayList<>();
      for (Object[] r : rows) {
        expected.add(r[0] + "/" + r[1]);
      }
      assertThat(whole).isEqualTo(expected);
    }
  }

  @Test
  void mappingIsAccountedUntilClosed() throws Exception {
    Path file = dir.resolve("g.arrow");
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.add(new Object[] {(long) i, "a"});
    }
    ArrowTestWriter.write(file, List.of(TestColumn.of("x", new ArrowType.Int(64, true)), TestColumn.dict("s")),
        rows, 50, false);
    try (BufferAllocator allocator = new RootAllocator()) {
      MappedArrowFile f = MappedArrowFile.open(file, allocator, Integer.MAX_VALUE);
      assertThat(allocator.getAllocatedMemory()).isEqualTo(java.nio.file.Files.size(file));
      LoadedBatch b = f.load(1, new int[] {0});
      f.close(); // the loaded vectors still hold the mapping
      assertThat(((BigIntVector) b.vector(0)).get(0)).isEqualTo(50L);
      assertThat(b.vector(1)).isNull();
      b.close();
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }

  private static List<String> read(Path file, BufferAllocator allocator, long maxMap) throws Exception {
    List<String> out = new ArrayList<>();
    try (MappedArrowFile f = MappedArrowFile.open(file, allocator, maxMap)) {
      String[] dict = null;
      for (int b = 0; b < f.batchCount(); b++) {
        try (LoadedBatch batch = f.load(b, new int[] {0, 1})) {
          BigIntVector x = (BigIntVector) batch.vector(0);
          IntVector s = (IntVector) batch.vector(1);
          if (dict == null) {
            dict = f.dictionary(s.getField().getDictionary().getId());
          }
          for (int i = 0; i < batch.rows(); i++) {
            out.add(x.get(i) + "/" + (s.isNull(i) ? null : dict[s.get(i)]));
          }
        }
      }
    }
    return out;
  }
}
