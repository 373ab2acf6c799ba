package dev.wafer.adapter.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wafer.adapter.testing.ArrowTestWriter;
import dev.wafer.adapter.testing.TestColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mappings kept between queries: reused while the file is unchanged, replaced when it changes,
 * unmapped only after the last reader, bounded in files, and never counted as Arrow memory once
 * a query has closed its file.
 */
class MappedFileCacheTest {
  @TempDir Path dir;

  @Test
  void unchangedFileIsMappedOnceAndItsDictionariesDecodedOnce() throws Exception {
    Path file = write("a.arrow", 0);
    MappedFileCache cache = new MappedFileCache(1L << 30, 100, 60_000);
    try (BufferAllocator allocator = new RootAllocator()) {
      MappedFileCache.Entry first = cache.acquire(file, MappedFileCache.attributes(file));
      MappedFileCache.Entry second = cache.acquire(file, MappedFileCache.attributes(file));
      assertThat(second).isSameAs(first);
      assertThat(cache.size()).isEqualTo(1);
      first.release();
      second.release();

      String[] d1;
      String[] d2;
      try (MappedArrowFile f = MappedArrowFile.open(file, allocator, Integer.MAX_VALUE)) {
        d1 = f.dictionary(f.meta().schema().getFields().get(1).getDictionary().getId());
      }
      try (MappedArrowFile f = MappedArrowFile.open(file, allocator, Integer.MAX_VALUE)) {
        d2 = f.dictionary(f.meta().schema().getFields().get(1).getDictionary().getId());
      }
      assertThat(d2).as("decoded dictionary reused across queries").isSameAs(d1);
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }

  @Test
  void aDictionaryIsDecodedOnlyWhenItsColumnIsRead() throws Exception {
    Path file = dir.resolve("two-dicts.arrow");
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      rows.add(new Object[] {"s" + (i % 3), "t" + i});
    }
    ArrowTestWriter.write(file, List.of(TestColumn.dict("s"), TestColumn.dict("t")), rows, 100, true);
    try (BufferAllocator allocator = new RootAllocator();
        MappedArrowFile f = MappedArrowFile.open(file, allocator, Integer.MAX_VALUE)) {
      long s = f.meta().schema().getFields().get(0).getDictionary().getId();
      long t = f.meta().schema().getFields().get(1).getDictionary().getId();
      assertThat(f.dictionary(s)).containsExactlyInAnyOrder("s0", "s1", "s2");
      MappedFileCache.Entry entry = MappedFileCache.SHARED.acquire(file, MappedFileCache.attributes(file));
      try {
        assertThat(entry.dictionary(s)).isSameAs(f.dictionary(s));
        assertThat(entry.dictionary(t)).as("the unread column's dictionary").isNull();
        assertThat(f.dictionary(t)).hasSize(300).contains("t0", "t299");
        assertThat(entry.dictionary(t)).isSameAs(f.dictionary(t));
      } finally {
        entry.release();
      }
    }
  }

  @Test
  void replacedFileIsReadAnew() throws Exception {
    Path file = write("b.arrow", 0);
    try (BufferAllocator allocator = new RootAllocator()) {
      assertThat(firstValue(file, allocator)).isEqualTo(0L);
      Path other = write("other.arrow", 1000);
      // a writer commits by rename: a new inode (and here a new size) under the old name
      Files.move(other, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      assertThat(firstValue(file, allocator)).isEqualTo(1000L);
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }

  @Test
  void evictedEntryStaysReadableUntilItsLastReaderIsDone() throws Exception {
    MappedFileCache cache = new MappedFileCache(1L << 30, 1, 60_000);
    Path a = write("c.arrow", 7);
    Path b = write("d.arrow", 8);
    MappedFileCache.Entry inUse = cache.acquire(a, MappedFileCache.attributes(a));
    MappedFileCache.Entry other = cache.acquire(b, MappedFileCache.attributes(b)); // evicts a: one file max
    assertThat(cache.size()).isEqualTo(1);
    // a's mapping is still valid for its reader: the footer it points to can be read
    assertThat(org.apache.arrow.memory.util.MemoryUtil.getByte(inUse.address + inUse.size - 1)).isEqualTo((byte) '1');
    inUse.release();
    other.release();
    MappedFileCache.Entry again = cache.acquire(a, MappedFileCache.attributes(a));
    assertThat(again).as("an evicted entry is mapped anew").isNotSameAs(inUse);
    again.release();
    cache.clear();
    assertThat(cache.size()).isZero();
  }

  @Test
  void missingOrInvalidFileIsNamedAndNotCached() throws Exception {
    MappedFileCache cache = new MappedFileCache(1L << 30, 10, 60_000);
    Path missing = dir.resolve("none.arrow");
    assertThatThrownBy(() -> MappedFileCache.attributes(missing)).isInstanceOf(IOException.class)
        .hasMessageContaining(missing.toString());
    Path text = dir.resolve("t.arrow");
    Files.writeString(text, "not an arrow file at all, just text");
    assertThatThrownBy(() -> cache.acquire(text, MappedFileCache.attributes(text))).isInstanceOf(IOException.class);
    assertThat(cache.size()).isZero();
    try (BufferAllocator allocator = new RootAllocator()) {
      assertThatThrownBy(() -> MappedArrowFile.open(text, allocator, Integer.MAX_VALUE))
          .isInstanceOf(IOException.class).hasMessageContaining(text.toString());
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }

  private long firstValue(Path file, BufferAllocator allocator) throws IOException {
    try (MappedArrowFile f = MappedArrowFile.open(file, allocator, Integer.MAX_VALUE);
        LoadedBatch batch = f.load(0, new int[] {0})) {
      return ((BigIntVector) batch.vector(0)).get(0);
    }
  }

  private Path write(String name, long start) throws IOException {
    Path file = dir.resolve(name);
    List<Object[]> rows = new ArrayList<>();
    int n = start == 0 ? 100 : 150;
    for (int i = 0; i < n; i++) {
      rows.add(new Object[] {start + i, "s" + (i % 3)});
    }
    ArrowTestWriter.write(file, List.of(TestColumn.of("x", new org.apache.arrow.vector.types.pojo.ArrowType.Int(64, true)),
        TestColumn.dict("s")), rows, 50, false);
    return file;
  }
}
