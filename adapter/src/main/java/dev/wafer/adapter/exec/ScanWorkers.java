package dev.wafer.adapter.exec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's scan worker threads: one cached pool per CPU, whose threads pin themselves to that
 * CPU, as morsel-driven engines pin one worker per core. A scan places its workers on the CPUs
 * running the fewest of them, the calling thread's CPU last.
 *
 * <p>Why pin: on the 2-vCPU VMs we measure on, the scheduler ({@code sched_vcpu_pack}) puts a
 * thread woken after an idle pause on the waker's CPU, and moves it to the idle one only after
 * 4–8 ms. Unpinned, a scan of a few milliseconds therefore ran both its workers on one CPU: two
 * threads each doing 4 ms of arithmetic after a 20 ms pause took 7.7 ms, against 4.3 ms when the
 * woken one was pinned to the other CPU; the bench's {@code ParallelStart} line (2 ms of spin each)
 * reads 3.8 ms unpinned and 2.2 ms through these workers. A pinned thread is woken where it is
 * pinned. What pinning costs: a worker cannot move away from a CPU another process keeps busy;
 * the morsel queue bounds that, since the other workers take the remaining morsels.
 *
 * <p>Without CPU affinity (another system, JNA unavailable, one allowed CPU, or system property
 * {@value #PIN_PROPERTY}{@code =false}) it is one unpinned cached pool.
 */
final class ScanWorkers {
  /** System property: {@code false} runs scan workers unpinned. */
  static final String PIN_PROPERTY = "wafer.pinWorkers";
  private static final Logger LOG = LoggerFactory.getLogger(ScanWorkers.class);
  private static final ScanWorkers SHARED = create(
      Boolean.parseBoolean(System.getProperty(PIN_PROPERTY, "true")) ? CpuAffinity.load() : null);

  private final CpuAffinity affinity;
  /** The CPUs workers are pinned to; empty when unpinned. */
  private final int[] cpus;
  /** Per CPU index: one pool, or one pool in all when unpinned. */
  private final ExecutorService[] pools;
  /** Running workers per CPU index: where the next one goes. */
  private final AtomicIntegerArray running;

  private ScanWorkers(CpuAffinity affinity, int[] cpus) {
    this.affinity = affinity;
    this.cpus = cpus;
    this.pools = new ExecutorService[Math.max(1, cpus.length)];
    this.running = new AtomicIntegerArray(pools.length);
    for (int i = 0; i < pools.length; i++) {
      int cpu = cpus.length == 0 ? -1 : cpus[i];
      pools[i] = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(() -> {
          if (cpu >= 0 && !affinity.pinCurrentThread(cpu)) {
            LOG.debug("cannot pin scan worker to CPU {}; it runs unpinned", cpu);
          }
          r.run();
        }, cpu < 0 ? "wafer-scan" : "wafer-scan-cpu" + cpu);
        t.setDaemon(true);
        return t;
      });
    }
  }

  /** Workers pinned through {@code affinity} when it allows two CPUs or more, else unpinned. */
  static ScanWorkers create(CpuAffinity affinity) {
    int[] allowed = affinity == null ? new int[0] : affinity.allowedCpus();
    return allowed.length < 2 ? new ScanWorkers(null, new int[0]) : new ScanWorkers(affinity, allowed);
  }

  /** The process-wide workers. */
  static ScanWorkers shared() {
    return SHARED;
  }

  /** Whether workers are pinned to CPUs. */
  boolean pinned() {
    return cpus.length > 0;
  }

  /**
   * Where {@code count} workers started now should run: pool indexes, each the CPU with the
   * fewest running workers at that point, counting the calling thread on its own CPU.
   */
  int[] place(int count) {
    int[] placed = new int[count];
    if (!pinned()) {
      return placed;
    }
    int[] load = new int[cpus.length];
    int callerCpu = affinity.currentCpu();
    for (int i = 0; i < cpus.length; i++) {
      load[i] = running.get(i) + (cpus[i] == callerCpu ? 1 : 0);
    }
    for (int w = 0; w < count; w++) {
      int best = 0;
      for (int i = 1; i < cpus.length; i++) {
        if (load[i] < load[best]) {
          best = i;
        }
      }
      placed[w] = best;
      load[best]++;
    }
    return placed;
  }

  /** The CPU a pool index pins to, or -1 when unpinned. */
  int cpuOf(int pool) {
    return pinned() ? cpus[pool] : -1;
  }

  /** Runs {@code task} as a scan's only pooled worker would run: placed by {@link #place}. */
  void execute(Runnable task) {
    execute(place(1)[0], task);
  }

  /**
   * Runs {@code task} on a thread of pool {@code pool} (from {@link #place}).
   *
   * @throws java.util.concurrent.RejectedExecutionException when no thread can be started
   */
  void execute(int pool, Runnable task) {
    running.incrementAndGet(pool);
    try {
      pools[pool].execute(() -> {
        try {
          task.run();
        } finally {
          running.decrementAndGet(pool);
        }
      });
    } catch (RuntimeException e) {
      running.decrementAndGet(pool);
      throw e;
    }
  }
}
