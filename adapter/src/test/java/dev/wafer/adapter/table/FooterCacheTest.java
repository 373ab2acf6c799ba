package dev.wafer.adapter.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wafer.adapter.arrow.FileVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** Which footers the process keeps between connections, and when it reads one again. */
class FooterCacheTest {
  static final Path A = Path.of("/data/t/a.arrow");
  static final Path B = Path.of("/data/t/b.arrow");
  static final Path C = Path.of("/data/t/c.arrow");

  static FileVersion version(long size, long millis) {
    return new FileVersion(size, FileTime.fromMillis(millis), "inode-" + size);
  }

  /** A reader that counts its reads and returns a footer of {@code rows} rows. */
  static final class Counting implements FooterCache.Reader {
    final AtomicInteger reads = new AtomicInteger();
    final long rows;

    Counting(long rows) {
      this.rows = rows;
    }

    @Override
    public FooterCache.Footer read() {
      reads.incrementAndGet();
      Schema schema = new Schema(List.of(Field.nullable("x", new ArrowType.Int(64, true))));
      return new FooterCache.Footer(schema, List.of(rows), null);
    }
  }

  @Test
  void aFooterIsReadOncePerFileVersion() throws IOException {
    FooterCache cache = new FooterCache(10);
    Counting first = new Counting(7);
    FooterCache.Footer f1 = cache.get(A, version(100, 1), first);
    FooterCache.Footer f2 = cache.get(A, version(100, 1), first);
    assertThat(first.reads).hasValue(1);
    assertThat(f2).isSameAs(f1);

    Counting replaced = new Counting(9);
    assertThat(cache.get(A, version(100, 2), replaced).batchRows()).containsExactly(9L); // new mtime
    assertThat(cache.get(A, version(120, 2), replaced).batchRows()).containsExactly(9L); // new size
    assertThat(cache.get(A, new FileVersion(120, FileTime.fromMillis(2), "other-inode"), replaced)
        .batchRows()).containsExactly(9L);
    assertThat(replaced.reads).hasValue(3);
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void theLeastRecentlyUsedFooterLeavesBeyondTheBound() throws IOException {
    FooterCache cache = new FooterCache(2);
    Counting reader = new Counting(1);
    cache.get(A, version(1, 1), reader);
    cache.get(B, version(1, 1), reader);
    cache.get(A, version(1, 1), reader); // A is now the most recently used
    cache.get(C, version(1, 1), reader); // evicts B
    assertThat(reader.reads).hasValue(3);
    assertThat(cache.size()).isEqualTo(2);
    cache.get(A, version(1, 1), reader);
    assertThat(reader.reads).hasValue(3);
    cache.get(B, version(1, 1), reader);
    assertThat(reader.reads).hasValue(4);
  }

  @Test
  void aFailedReadIsNotKept() throws IOException {
    FooterCache cache = new FooterCache(10);
    AtomicInteger attempts = new AtomicInteger();
    FooterCache.Reader broken = () -> {
      attempts.incrementAndGet();
      throw new IOException(A + ": not an Arrow file");
    };
    assertThatThrownBy(() -> cache.get(A, version(1, 1), broken)).hasMessageContaining("a.arrow");
    assertThatThrownBy(() -> cache.get(A, version(1, 1), broken)).hasMessageContaining("not an Arrow file");
    assertThat(attempts).hasValue(2);
    assertThat(cache.size()).isZero();
  }

  @Test
  void aZeroBoundKeepsNothing() throws IOException {
    FooterCache cache = new FooterCache(0);
    Counting reader = new Counting(1);
    cache.get(A, version(1, 1), reader);
    cache.get(A, version(1, 1), reader);
    assertThat(reader.reads).hasValue(2);
    assertThat(cache.size()).isZero();
  }
}
