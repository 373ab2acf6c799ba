package dev.wafer.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * How much the JIT compiler has worked in this JVM, in milliseconds of compiler-thread time. On a
 * 2-core machine a compiler thread at work takes a core from a 2-thread query, so warm-up lasts
 * until the JIT is quiet, and the report says how much it compiled during the timed runs.
 */
final class JitActivity {
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  private JitActivity() {}

  /** Whether this JVM reports compilation time at all; without it warm-up is by count only. */
  static boolean measurable() {
    return JIT != null && JIT.isCompilationTimeMonitoringSupported();
  }

  /** Total compilation time so far, or 0 when {@link #measurable()} is false. */
  static long totalMillis() {
    return measurable() ? JIT.getTotalCompilationTime() : 0;
  }
}
