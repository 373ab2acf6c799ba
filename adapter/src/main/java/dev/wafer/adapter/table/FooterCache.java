package dev.wafer.adapter.table;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.arrow.FileVersion;
import dev.wafer.adapter.dataset.FileStats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * What data files' footers say (schema, rows per batch, Wafer's statistics), kept for the process
 * so that a new connection does not read and decode every footer of a table again. Each JDBC
 * connection loads its tables' layouts on first use; BI tools and the Avatica server open
 * connections often, and on a table of 1,158 files reading the footers and decoding their
 * statistics took about 100 ms of every new connection's first query.
 *
 * <p>An entry holds while its file keeps the {@link FileVersion} it was read at; a replaced file is
 * read again. Entries leave in least-recently-used order beyond {@code maxFiles}. A footer that
 * cannot be read is not kept, so the error names the file at every attempt.
 */
final class FooterCache {
  /** The process's cache; {@code -Dwafer.footerCache.files} bounds it, 0 disables it. */
  static final FooterCache SHARED = new FooterCache(Integer.getInteger("wafer.footerCache.files", 16_384));

  /** A file's footer as the table layout needs it, with its fields indexed by name; immutable. */
  record Footer(Schema schema, List<Long> batchRows, FileStats stats, Map<String, Integer> fieldsByName) {
    Footer {
      requireNonNull(schema, "schema");
      batchRows = List.copyOf(batchRows);
      requireNonNull(fieldsByName, "fieldsByName");
    }

    Footer(Schema schema, List<Long> batchRows, FileStats stats) {
      this(schema, batchRows, stats, TableFile.indexFields(schema));
    }
  }

  /** Reads one footer from the file. */
  @FunctionalInterface
  interface Reader {
    Footer read() throws IOException;
  }

  private record Entry(FileVersion version, Footer footer) {}

  private final int maxFiles;
  private final LinkedHashMap<Path, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);

  FooterCache(int maxFiles) {
    this.maxFiles = maxFiles;
  }

  /**
   * The footer of {@code path} at {@code version}: the kept one, or what {@code reader} reads
   * (outside the lock, so connections loading different tables do not wait on each other).
   */
  Footer get(Path path, FileVersion version, Reader reader) throws IOException {
    requireNonNull(path, "path");
    requireNonNull(version, "version");
    synchronized (this) {
      Entry e = entries.get(path);
      if (e != null && e.version.equals(version)) {
        return e.footer;
      }
    }
    Footer read = reader.read();
    if (maxFiles > 0) {
      synchronized (this) {
        entries.put(path, new Entry(version, read));
        var it = entries.entrySet().iterator();
        while (entries.size() > maxFiles && it.hasNext()) {
          it.next();
          it.remove();
        }
      }
    }
    return read;
  }

  /** Number of kept footers (for tests and monitoring). */
  synchronized int size() {
    return entries.size();
  }
}
