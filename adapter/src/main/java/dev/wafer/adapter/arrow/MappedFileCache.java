package dev.wafer.adapter.arrow;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Memory mappings of Arrow files kept between queries, with their footers and decoded
 * dictionaries. Mapping a file anew for every query makes every query take a page fault on
 * every page it reads (about 4 µs per 4 KB page on these virtual machines: 75 ms for one double
 * column of 10M rows), and re-read the footer and dictionaries; a kept mapping is read at memory
 * speed.
 *
 * <p>An entry is valid while its file keeps the size, modification time and file key (inode) it
 * had when mapped; a changed file gets a new entry. Entries leave in least-recently-used order
 * beyond {@code maxBytes} of mappings or {@code maxFiles} files, and after {@code idleMillis}
 * unused (so the space of deleted files returns to the disk). A leaving entry is unmapped only
 * when the last query reading it has released it.
 */
final class MappedFileCache {
  /**
   * The process's cache. {@code -Dwafer.mapCache.bytes} bounds its mappings (default 64 GB of
   * address space, not of memory: the pages belong to the OS page cache); 0 disables it.
   */
  static final MappedFileCache SHARED = new MappedFileCache(
      Long.getLong("wafer.mapCache.bytes", 64L << 30), Integer.getInteger("wafer.mapCache.files", 16_384),
      Long.getLong("wafer.mapCache.idleMillis", 10 * 60_000L));

  private final long maxBytes;
  private final int maxFiles;
  private final long idleMillis;
  private final LinkedHashMap<Path, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
  private long bytes;
  private long lastSweep;

  MappedFileCache(long maxBytes, int maxFiles, long idleMillis) {
    this.maxBytes = maxBytes;
    this.maxFiles = maxFiles;
    this.idleMillis = idleMillis;
  }

  boolean enabled() {
    return maxBytes > 0 && maxFiles > 0;
  }

  /**
   * The entry of {@code path}, mapped and with its footer read if it was not cached or the file
   * changed, with one use taken for the caller (to {@link Entry#release()}).
   *
   * @throws IOException when the file cannot be read or its footer is invalid (nothing is cached)
   */
  Entry acquire(Path path, BasicFileAttributes attributes) throws IOException {
    requireNonNull(path, "path");
    List<Entry> leaving = new ArrayList<>();
    try {
      synchronized (this) {
        Entry e = entries.get(path);
        if (e != null && e.sameFile(attributes) && e.acquire()) {
          return e;
        }
        if (e != null) {
          remove(path, leaving);
        }
      }
      Entry fresh = load(path, attributes);
      synchronized (this) {
        Entry raced = entries.get(path);
        if (raced != null && raced.sameFile(attributes) && raced.acquire()) {
          leaving.add(fresh); // another query mapped it meanwhile: keep one mapping
          return raced;
        }
        if (raced != null) {
          remove(path, leaving);
        }
        fresh.acquire();
        entries.put(path, fresh);
        bytes += fresh.size;
        evict(leaving);
        return fresh;
      }
    } finally {
      leaving.forEach(Entry::retire);
    }
  }

  /** Number of cached files (for tests and monitoring). */
  synchronized int size() {
    return entries.size();
  }

  /** Retires every entry (each is unmapped once its readers are done). */
  void clear() {
    List<Entry> leaving;
    synchronized (this) {
      leaving = new ArrayList<>(entries.values());
      entries.clear();
      bytes = 0;
    }
    leaving.forEach(Entry::retire);
  }

  private void remove(Path path, List<Entry> leaving) {
    Entry e = entries.remove(path);
    if (e != null) {
      bytes -= e.size;
      leaving.add(e);
    }
  }

  private void evict(List<Entry> leaving) {
    long now = System.currentTimeMillis();
    boolean sweep = now - lastSweep > 1_000;
    if (sweep) {
      lastSweep = now;
    }
    Iterator<Entry> it = entries.values().iterator();
    while (it.hasNext()) {
      Entry e = it.next();
      boolean over = bytes > maxBytes || entries.size() > maxFiles;
      boolean idle = sweep && now - e.lastUsed > idleMillis;
      if (!over && !idle) {
        if (!sweep) {
          break; // least recently used first: the rest are neither over the bounds nor checked
        }
        continue;
      }
      it.remove();
      bytes -= e.size;
      leaving.add(e);
    }
  }

  private static Entry load(Path path, BasicFileAttributes attributes) throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size != attributes.size()) {
        throw new IOException("file changed while being opened");
      }
      ArrowFileMeta meta = ArrowFooterReader.read(ch, size);
      MappedByteBuffer mapping = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
      return new Entry(meta, mapping, size, attributes);
    }
  }

  /** A mapped file shared by the queries reading it. */
  static final class Entry {
    final ArrowFileMeta meta;
    final long address;
    final long size;
    private final MappedByteBuffer mapping;
    private final FileVersion version;
    /** Decoded dictionaries by id, each decoded when a query first reads its column. */
    private final Map<Long, String[]> dictionaries = new java.util.concurrent.ConcurrentHashMap<>();
    /** How batches of the file lay out in memory: the same for every query, so derived once. */
    private volatile BatchLayout layout;
    /** The last schema found equal to the file's (by identity): the check is per query and file. */
    private volatile Object sameSchema;
    private int users;
    private boolean retired;
    private volatile long lastUsed = System.currentTimeMillis();

    private Entry(ArrowFileMeta meta, MappedByteBuffer mapping, long size, BasicFileAttributes attributes) {
      this.meta = meta;
      this.mapping = mapping;
      this.address = MemoryUtil.getByteBufferAddress(mapping);
      this.size = size;
      this.version = FileVersion.of(attributes);
    }

    boolean sameFile(BasicFileAttributes a) {
      return FileVersion.of(a).equals(version);
    }

    synchronized boolean acquire() {
      if (retired) {
        return false;
      }
      users++;
      lastUsed = System.currentTimeMillis();
      return true;
    }

    /** Ends one use; the last use of a retired entry unmaps it. */
    synchronized void release() {
      users--;
      if (retired && users == 0) {
        Unmapper.unmap(mapping);
      }
    }

    synchronized void retire() {
      if (retired) {
        return;
      }
      retired = true;
      if (users == 0) {
        Unmapper.unmap(mapping);
      }
    }

    BatchLayout layout() throws java.io.IOException {
      BatchLayout l = layout;
      if (l == null) {
        l = BatchLayout.of(meta.schema().getFields());
        layout = l;
      }
      return l;
    }

    /** Whether the file's schema equals {@code expected}, remembering the last equal instance. */
    boolean hasSchema(org.apache.arrow.vector.types.pojo.Schema expected) {
      if (sameSchema == expected) {
        return true;
      }
      boolean equal = meta.schema().equals(expected);
      if (equal) {
        sameSchema = expected;
      }
      return equal;
    }

    /** The decoded dictionary {@code id}, or null before a query first decodes it. */
    String[] dictionary(long id) {
      return dictionaries.get(id);
    }

    /** Keeps a decoded dictionary; the first one kept wins (two queries may decode it at once). */
    String[] dictionary(long id, String[] decoded) {
      String[] kept = dictionaries.putIfAbsent(id, decoded);
      return kept == null ? decoded : kept;
    }
  }

  /** Reads a file's attributes for {@link #acquire}, naming the file when it is missing. */
  static BasicFileAttributes attributes(Path path) throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class);
    } catch (IOException e) {
      throw new IOException(path + ": " + e.getMessage(), e);
    }
  }
}
