package dev.wafer.adapter.exec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The reports of the most recent scans in this process, newest last, bounded to {@value #CAPACITY}
 * entries: the source of the {@code sys} table of recent queries and of {@code explain --analyze}.
 */
public final class RecentScans {
  public static final int CAPACITY = 200;
  private static final ArrayDeque<ScanReport> REPORTS = new ArrayDeque<>();

  private RecentScans() {}

  static void add(ScanReport report) {
    synchronized (REPORTS) {
      if (REPORTS.size() == CAPACITY) {
        REPORTS.removeFirst();
      }
      REPORTS.addLast(report);
    }
  }

  /** The retained reports, oldest first. */
  public static List<ScanReport> list() {
    synchronized (REPORTS) {
      return new ArrayList<>(REPORTS);
    }
  }

  /** The newest report, or null. */
  public static ScanReport latest() {
    synchronized (REPORTS) {
      return REPORTS.peekLast();
    }
  }
}
