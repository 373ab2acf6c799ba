package dev.wafer.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Waits, before a timed run, until this JVM's threads are idle. All engines share one JVM and, on
 * these 2-core VMs, two cores: work that one engine's run leaves behind (the JIT compiling its code
 * in the background, G1's concurrent marking after {@code rules=off}'s garbage, DuckDB's lingering
 * workers) would otherwise run during the next engine's timed run and take its second core. Each
 * timed run thus starts like a query arriving at an idle server.
 *
 * <p>CPU time comes from {@code /proc/self/task/}*{@code /schedstat}, which counts every thread,
 * the compiler's and the collector's included, in nanoseconds; the JVM's own process CPU time only
 * ticks every 10 ms here. Where that file does not exist, {@link #settle} returns at once.
 */
final class ProcessQuiet {
  /** The window over which the JVM's CPU use is sampled. */
  static final long WINDOW_MILLIS = 10;
  /** A window in which all threads together use less than this share of one core is idle. */
  static final double IDLE_SHARE = 0.05;

  private static final Path TASKS = Path.of("/proc/self/task");

  private ProcessQuiet() {}

  /** Whether the JVM's per-thread CPU time can be read here. */
  static boolean measurable() {
    return Files.isReadable(TASKS.resolve(String.valueOf(ProcessHandle.current().pid())).resolve("schedstat"));
  }

  /**
   * Sleeps a window at a time until a window finds the JVM idle, or {@code maxMillis} has passed;
   * returns the milliseconds waited (0 when disabled or not measurable).
   */
  static long settle(long maxMillis) {
    if (maxMillis <= 0 || !measurable()) {
      return 0;
    }
    String self = callingThread();
    long start = System.nanoTime();
    long deadline = start + maxMillis * 1_000_000L;
    while (true) {
      long cpu0 = cpuNanos(self);
      long t0 = System.nanoTime();
      sleep(WINDOW_MILLIS);
      long busy = cpuNanos(self) - cpu0;
      long now = System.nanoTime();
      if (busy < (now - t0) * IDLE_SHARE || now >= deadline) {
        return (now - start) / 1_000_000L;
      }
    }
  }

  /**
   * CPU time of this JVM's live threads but {@code skip} (the measuring thread, whose reading the
   * files would count); a thread that ended in between only lowers it.
   */
  private static long cpuNanos(String skip) {
    long total = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        if (task.getFileName().toString().equals(skip)) {
          continue;
        }
        try {
          String stat = Files.readString(task.resolve("schedstat"));
          int sp = stat.indexOf(' ');
          total += Long.parseLong(sp < 0 ? stat.trim() : stat.substring(0, sp));
        } catch (IOException | NumberFormatException ended) {
          // the thread ended while being read: it is idle now
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return total;
  }

  /** The calling thread's task id, or "" where {@code /proc/thread-self} does not say. */
  private static String callingThread() {
    try {
      return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
