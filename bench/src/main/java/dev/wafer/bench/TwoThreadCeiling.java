package dev.wafer.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How much work two threads get done, against one, on this machine, whatever the engine: the same
 * loop of independent double additions runs alone on the query thread, then on the query thread
 * and a scan worker at once (each over its own array). Over an array that fits in the L1 cache the
 * loop is bound by the core's floating-point adders, so two threads double the throughput only if
 * the second CPU is a whole idle core; a virtual machine's vCPU can share its core with a hardware
 * thread sibling or another guest (on these VMs the same probe gave 1.56 one hour and 1.97 the
 * next). Over arrays larger than the caches the loop streams memory, and the ratio is what the
 * memory system gives a second thread. Both are ceilings for the thread speedup of a vectorized
 * scan in the same run.
 */
public final class TwoThreadCeiling {
  /** Result: the throughput two threads get over one (2 × one thread's time / the pair's time), per run. */
  public record Result(String loop, Timing ratio) {}

  private static final int L1_DOUBLES = 512;
  private static final int L1_PASSES = 200_000;
  private static final int STREAM_DOUBLES = 8 << 20;

  private TwoThreadCeiling() {}

  /** The L1-resident loop: {@code rounds} measurements. */
  public static Result cacheResident(Executor second, int rounds) throws InterruptedException {
    return measure("an L1-resident loop of double additions", L1_DOUBLES, L1_PASSES, second, rounds);
  }

  /** The streaming loop over 64 MB per thread: {@code rounds} measurements. */
  public static Result streaming(Executor second, int rounds) throws InterruptedException {
    return measure("a sum streaming 64 MB per thread", STREAM_DOUBLES, 2, second, rounds);
  }

  private static Result measure(String loop, int length, int passes, Executor second, int rounds)
      throws InterruptedException {
    double[] mine = new double[length];
    double[] theirs = new double[length];
    Arrays.fill(mine, 1);
    Arrays.fill(theirs, 1);
    double[] sink = new double[2];
    for (int w = 0; w < 5; w++) {
      sink[0] += sum(mine, passes); // compiled before the first timed run
    }
    List<Double> ratios = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      ratios.add(ratioOnce(mine, theirs, passes, second, sink));
    }
    if (sink[0] + sink[1] == 42) {
      System.out.print(""); // keeps the JIT from removing the loops
    }
    return new Result(loop, new Timing(ratios));
  }

  /** One measurement: 2 × the loop's time alone / the time of the loop on both threads at once. */
  private static double ratioOnce(double[] mine, double[] theirs, int passes, Executor second, double[] sink)
      throws InterruptedException {
    long t0 = System.nanoTime();
    sink[0] += sum(mine, passes);
    double alone = System.nanoTime() - t0;
    AtomicBoolean go = new AtomicBoolean();
    CountDownLatch ready = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    second.execute(() -> {
      ready.countDown();
      while (!go.get()) {
        Thread.onSpinWait(); // both start together: the second thread's wake-up is not measured here
      }
      sink[1] += sum(theirs, passes);
      done.countDown();
    });
    ready.await();
    long t1 = System.nanoTime();
    go.set(true);
    sink[0] += sum(mine, passes);
    done.await();
    double pair = System.nanoTime() - t1;
    return 2 * alone / pair;
  }

  /**
   * Both measurements taken once between a query's timed rounds (about 10 ms for the L1-resident
   * one, 30–60 ms for the streaming one), so that each query's thread speedup stands next to what
   * the machine gave two threads while that query was timed: the probes after the suite describe
   * only the minutes they ran in. The L1 probe shows whether the second vCPU was a whole core; the
   * streaming probe whether a second thread got memory bandwidth of its own, which a scan of
   * narrow columns needs.
   */
  public static final class Sampler {
    /** One query's samples: the L1-resident and the streaming ratios, each null when none was taken. */
    public record Samples(Timing cacheResident, Timing streaming) {}

    private final Executor second;
    private final double[] mine = new double[L1_DOUBLES];
    private final double[] theirs = new double[L1_DOUBLES];
    private final double[] streamMine = new double[STREAM_DOUBLES];
    private final double[] streamTheirs = new double[STREAM_DOUBLES];
    private final double[] sink = new double[2];
    private final List<Double> ratios = new ArrayList<>();
    private final List<Double> streamRatios = new ArrayList<>();

    public Sampler(Executor second) {
      this.second = second;
      Arrays.fill(mine, 1);
      Arrays.fill(theirs, 1);
      Arrays.fill(streamMine, 1);
      Arrays.fill(streamTheirs, 1);
      for (int w = 0; w < 5; w++) {
        sink[0] += sum(mine, L1_PASSES); // compiled before the first sample
      }
    }

    /** Takes one measurement of each kind into the current query's. */
    public void sample() {
      try {
        ratios.add(ratioOnce(mine, theirs, L1_PASSES, second, sink));
        streamRatios.add(ratioOnce(streamMine, streamTheirs, 2, second, sink));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while probing the machine", e);
      }
    }

    /** The current query's measurements; starts the next query's. */
    public Samples drain() {
      Samples s = new Samples(timing(ratios), timing(streamRatios));
      ratios.clear();
      streamRatios.clear();
      return s;
    }

    private static Timing timing(List<Double> ratios) {
      return ratios.isEmpty() ? null : new Timing(new ArrayList<>(ratios));
    }
  }

  /** Eight independent accumulators: as many additions in flight as the adders take. */
  static double sum(double[] x, int passes) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    double s5 = 0;
    double s6 = 0;
    double s7 = 0;
    for (int p = 0; p < passes; p++) {
      for (int i = 0; i + 7 < x.length; i += 8) {
        s0 += x[i];
        s1 += x[i + 1];
        s2 += x[i + 2];
        s3 += x[i + 3];
        s4 += x[i + 4];
        s5 += x[i + 5];
        s6 += x[i + 6];
        s7 += x[i + 7];
      }
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }
}
