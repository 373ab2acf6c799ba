package dev.wafer.adapter.exec;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Linux CPU-affinity calls scan workers need: which CPUs this process may run on, which one
 * the calling thread is on, and pinning the calling thread to one of them. Bound through JNA; on
 * another system, or when the native library cannot load, {@link #load()} returns null and
 * workers run unpinned.
 */
final class CpuAffinity {
  private static final Logger LOG = LoggerFactory.getLogger(CpuAffinity.class);
  /** {@code cpu_set_t}'s size in glibc: 1024 CPUs. A larger machine fails the first call, and workers run unpinned. */
  private static final int MASK_WORDS = 16;
  private static final NativeLong MASK_BYTES = new NativeLong(MASK_WORDS * 8L);

  private final int[] allowed;

  private CpuAffinity(int[] allowed) {
    this.allowed = allowed;
  }

  /** The binding, or null when CPU affinity is not available here. */
  static CpuAffinity load() {
    if (!Platform.isLinux()) {
      return null;
    }
    try {
      long[] mask = new long[MASK_WORDS];
      if (LibC.sched_getaffinity(0, MASK_BYTES, mask) != 0) {
        LOG.debug("sched_getaffinity failed (errno {}); scan workers run unpinned", Native.getLastError());
        return null;
      }
      int[] cpus = new int[MASK_WORDS * 64];
      int n = 0;
      for (int cpu = 0; cpu < MASK_WORDS * 64; cpu++) {
        if ((mask[cpu >>> 6] & 1L << cpu) != 0) {
          cpus[n++] = cpu;
        }
      }
      return new CpuAffinity(Arrays.copyOf(cpus, n));
    } catch (Throwable e) { // LinkageError from JNA's loader, or a SecurityException
      LOG.debug("CPU affinity unavailable; scan workers run unpinned", e);
      return null;
    }
  }

  /** The CPUs this process may run on, ascending (a copy). */
  int[] allowedCpus() {
    return allowed.clone();
  }

  /** The CPU the calling thread is running on now, or -1 when the kernel does not say. */
  int currentCpu() {
    return LibC.sched_getcpu();
  }

  /** Pins the calling thread to {@code cpu}; false (and the thread unchanged) when the kernel refuses. */
  boolean pinCurrentThread(int cpu) {
    long[] mask = new long[MASK_WORDS];
    mask[cpu >>> 6] = 1L << cpu;
    return LibC.sched_setaffinity(0, MASK_BYTES, mask) == 0;
  }

  /** JNA direct mapping: a native call per method, no reflection per call. */
  private static final class LibC {
    static {
      Native.register(Platform.C_LIBRARY_NAME);
    }

    static native int sched_getaffinity(int pid, NativeLong size, long[] mask);

    static native int sched_setaffinity(int pid, NativeLong size, long[] mask);

    static native int sched_getcpu();
  }
}
