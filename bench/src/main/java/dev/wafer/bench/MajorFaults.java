package dev.wafer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This JVM's major page faults so far: pages read from disk on first touch. Wafer memory-maps its
 * files, so its runs fault where the page cache no longer holds the columns they read (at 100M
 * rows, the JVM's heap, DuckDB's memory and both datasets together nearly fill these VMs' RAM);
 * such a run measures the disk, not the engine. DuckDB reads with system calls, which do not fault.
 */
final class MajorFaults {
  private static final Path STAT = Path.of("/proc/self/stat");

  private MajorFaults() {}

  /** The count so far, or -1 where {@code /proc/self/stat} cannot be read. */
  static long total() {
    try {
      String stat = Files.readString(STAT);
      // fields after the command name, which is in parentheses and may hold spaces: state is
      // field 3, majflt field 12
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[12 - 3]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
