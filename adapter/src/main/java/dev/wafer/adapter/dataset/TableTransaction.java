package dev.wafer.adapter.dataset;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One atomic write to a table directory. Everything is written into a hidden staging directory
 * beside the table ({@code .<table>.staging-<id>}, invisible to readers) and published at {@link
 * #commit}:
 *
 * <ul>
 *   <li>create / overwrite: the staging directory is renamed onto the table (the old table is
 *       first renamed aside to {@code .<table>.old-<id>} and deleted after); a kill between the
 *       two renames leaves the old table aside, and the next transaction puts it back;
 *   <li>append: each staged file is renamed into place; every file appears whole or not at all.
 * </ul>
 *
 * A lock file ({@code .<table>.lock}) keeps two writers of one table apart. Closing without
 * commit deletes the staging directory and leaves the table exactly as it was.
 */
public final class TableTransaction implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TableTransaction.class);

  private final Path root;
  private final String table;
  private final Path tableDir;
  private final WriteMode mode;
  private final String id;
  private final Path staging;
  private final TableMetadata existing;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private boolean done;

  private TableTransaction(Path root, String table, WriteMode mode, TableMetadata existing,
      FileChannel lockChannel, FileLock lock) throws IOException {
    this.root = root;
    this.table = table;
    this.tableDir = root.resolve(table);
    this.mode = mode;
    this.id = UUID.randomUUID().toString().substring(0, 8);
    this.staging = root.resolve("." + table + ".staging-" + id);
    this.existing = existing;
    this.lockChannel = lockChannel;
    this.lock = lock;
    Files.createDirectories(staging);
  }

  /**
   * Starts a write of {@code table} under {@code root}.
   *
   * @throws IOException when the target holds data that is not a Wafer table, when {@code
   *     CREATE} meets an existing table, or when another writer holds the table
   */
  public static TableTransaction begin(Path root, String table, WriteMode mode) throws IOException {
    requireNonNull(root, "root");
    requireNonNull(table, "table");
    requireNonNull(mode, "mode");
    if (!table.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IOException("invalid table name '" + table + "': use letters, digits and _");
    }
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new IOException(root + " is not a directory");
    }
    Files.createDirectories(root);
    FileChannel ch = FileChannel.open(root.resolve("." + table + ".lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    if (lock == null) {
      ch.close();
      throw new IOException("table " + root.resolve(table) + " is being written by another process");
    }
    try {
      recover(root, table);
      Path dir = root.resolve(table);
      TableMetadata existing = null;
      if (Files.isDirectory(dir) && !isEmpty(dir)) {
        if (!TableMetadata.exists(dir)) {
          throw new IOException(dir + " is not empty and is not a Wafer table (no "
              + TableMetadata.DIRECTORY + "/" + TableMetadata.FILE_NAME + "); refusing to write into it");
        }
        existing = TableMetadata.read(dir);
        if (mode == WriteMode.CREATE) {
          throw new IOException("table " + dir + " already exists; use mode append or overwrite");
        }
      } else if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new IOException(dir + " exists and is not a directory");
      }
      return new TableTransaction(root, table, mode, existing, ch, lock);
    } catch (IOException | RuntimeException e) {
      lock.release();
      ch.close();
      throw e;
    }
  }

  /** Puts back a table left aside by a killed overwrite, and removes abandoned staging. */
  private static void recover(Path root, String table) throws IOException {
    Path dir = root.resolve(table);
    List<Path> leftovers;
    try (Stream<Path> s = Files.list(root)) {
      leftovers = s.filter(p -> {
        String n = p.getFileName().toString();
        return n.startsWith("." + table + ".old-") || n.startsWith("." + table + ".staging-");
      }).sorted().toList();
    }
    for (Path p : leftovers) {
      String n = p.getFileName().toString();
      if (n.startsWith("." + table + ".old-") && !Files.exists(dir)) {
        LOG.warn("restoring {} from {} (an earlier overwrite was interrupted)", dir, p);
        Files.move(p, dir, StandardCopyOption.ATOMIC_MOVE);
      } else {
        LOG.info("removing abandoned {}", p);
        deleteRecursively(p);
      }
    }
  }

  /** The table's metadata before this write, or null when the table is new. */
  public TableMetadata existing() {
    return existing;
  }

  public String table() {
    return table;
  }

  public Path tableDir() {
    return tableDir;
  }

  public WriteMode mode() {
    return mode;
  }

  /** Short unique id of this write, used in file names. */
  public String id() {
    return id;
  }

  /** Directory to write the new files into, laid out as in the table. */
  public Path stagingDir() {
    return staging;
  }

  /**
   * Publishes the staged files.
   *
   * @param metadata metadata of the table after this write
   */
  public void commit(TableMetadata metadata) throws IOException {
    if (done) {
      throw new IllegalStateException("transaction already finished");
    }
    boolean appendToExisting = mode == WriteMode.APPEND && existing != null;
    if (appendToExisting) {
      List<Path> files;
      try (Stream<Path> s = Files.walk(staging)) {
        files = s.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path f : files) {
        Path target = tableDir.resolve(staging.relativize(f).toString());
        Files.createDirectories(target.getParent());
        move(f, target);
      }
      deleteRecursively(staging);
    } else {
      metadata.write(staging);
      if (Files.exists(tableDir)) {
        Path old = root.resolve("." + table + ".old-" + id);
        move(tableDir, old);
        move(staging, tableDir);
        deleteRecursively(old);
      } else {
        move(staging, tableDir);
      }
    }
    done = true;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot rename " + from + " to " + to + " atomically: " + e.getMessage(), e);
    }
  }

  /** Aborts unless committed (deleting the staged files), and releases the table lock. */
  @Override
  public void close() throws IOException {
    try {
      if (!done) {
        deleteRecursively(staging);
        done = true;
      }
    } finally {
      try {
        lock.release();
      } finally {
        lockChannel.close();
      }
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      return !s.iterator().hasNext();
    }
  }

  static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    Files.walkFileTree(p, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
