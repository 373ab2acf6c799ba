package dev.wafer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * How fast this machine starts parallel work after an idle pause, whatever the engine: the query
 * thread wakes a parked pool thread and both spin for a fixed time, as a two-thread scan of a few
 * milliseconds does. The ideal is the spin time; what exceeds it is the cost of waking the second
 * thread onto the second core. On a virtual machine whose scheduler packs a woken thread onto the
 * waker's core, that cost can reach a scheduler tick and caps the speedup of short queries.
 */
public final class ParallelStart {
  /** Result: the work each thread did, and the time both took, over the rounds. */
  public record Result(double workMillis, long pauseMillis, Timing timing) {}

  private ParallelStart() {}

  /** The probe with its own unpinned pool thread, as a plain thread pool wakes it. */
  public static Result measure(double workMillis, long pauseMillis, int rounds) throws InterruptedException {
    ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "parallel-start-probe");
      t.setDaemon(true);
      return t;
    });
    try {
      return measure(workMillis, pauseMillis, rounds, pool);
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(1, TimeUnit.SECONDS);
    }
  }

  /** The probe with the second thread from {@code pool} (e.g. Wafer's CPU-pinned scan workers). */
  public static Result measure(double workMillis, long pauseMillis, int rounds, Executor pool)
      throws InterruptedException {
    long work = (long) (workMillis * 1e6);
    CountDownLatch first = new CountDownLatch(1);
    pool.execute(() -> {
      spin(work);
      first.countDown();
    });
    first.await(); // the pool thread exists and has parked before round 1
    List<Double> ms = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      Thread.sleep(pauseMillis);
      CountDownLatch done = new CountDownLatch(1);
      long t0 = System.nanoTime();
      pool.execute(() -> {
        spin(work);
        done.countDown();
      });
      spin(work);
      done.await();
      ms.add((System.nanoTime() - t0) / 1e6);
    }
    return new Result(workMillis, pauseMillis, new Timing(ms));
  }

  private static void spin(long nanos) {
    long t0 = System.nanoTime();
    while (System.nanoTime() - t0 < nanos) {
      Thread.onSpinWait();
    }
  }
}
