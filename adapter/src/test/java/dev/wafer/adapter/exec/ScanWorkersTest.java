package dev.wafer.adapter.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Scan workers pinned to CPUs: the affinity binding, the placement, and the unpinned fallback. */
class ScanWorkersTest {

  private static CpuAffinity affinity() {
    CpuAffinity affinity = CpuAffinity.load();
    if (System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64")) {
      // JNA ships this platform's native library: failing to bind here is a packaging defect
      assertThat(affinity).as("CPU affinity on Linux x86-64").isNotNull();
    }
    assumeTrue(affinity != null, "CPU affinity is not available on this system");
    return affinity;
  }

  /** The allowed CPUs; the test is skipped unless there are two or more. */
  private static int[] twoOrMore(CpuAffinity affinity) {
    int[] cpus = affinity.allowedCpus();
    assumeTrue(cpus.length >= 2, "needs two CPUs");
    return cpus;
  }

  /** Runs {@code body} on a fresh thread pinned to {@code cpu}, so the test thread keeps its affinity. */
  private static <T> T onCpu(CpuAffinity affinity, int cpu, java.util.function.Supplier<T> body) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        assertThat(affinity.pinCurrentThread(cpu)).isTrue();
        result.complete(body.get());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    });
    t.start();
    return result.get(10, TimeUnit.SECONDS);
  }

  @Test
  void allowedCpusIncludeTheCurrentOne() {
    CpuAffinity affinity = affinity();
    int[] cpus = affinity.allowedCpus();
    assertThat(cpus).isNotEmpty().isSorted();
    assertThat(cpus.length).isLessThanOrEqualTo(Runtime.getRuntime().availableProcessors() * 64);
    assertThat(cpus).contains(affinity.currentCpu());
  }

  @Test
  void aPinnedThreadRunsOnlyOnItsCpu() throws Exception {
    CpuAffinity affinity = affinity();
    for (int cpu : affinity.allowedCpus()) {
      int seen = onCpu(affinity, cpu, () -> {
        int other = -1;
        for (int i = 0; i < 200; i++) {
          if (affinity.currentCpu() != cpu) {
            other = affinity.currentCpu();
          }
          Thread.yield();
        }
        return other;
      });
      assertThat(seen).as("CPU seen by a thread pinned to CPU %d", cpu).isEqualTo(-1);
    }
  }

  @Test
  void workersGoFirstToTheCpusTheCallerIsNotOn() throws Exception {
    CpuAffinity affinity = affinity();
    int[] cpus = twoOrMore(affinity);
    ScanWorkers workers = ScanWorkers.create(affinity);
    assertThat(workers.pinned()).isTrue();
    for (int callerIndex = 0; callerIndex < Math.min(cpus.length, 4); callerIndex++) {
      int caller = callerIndex;
      // as many workers as other CPUs: one on each of them
      int[] placed = onCpu(affinity, cpus[caller], () -> workers.place(cpus.length - 1));
      assertThat(placed).doesNotHaveDuplicates().doesNotContain(caller);
      // more workers than CPUs: they level the load, the caller counting as one on its CPU
      int[] twice = onCpu(affinity, cpus[caller], () -> workers.place(2 * cpus.length - 1));
      int[] perCpu = new int[cpus.length];
      for (int p : twice) {
        perCpu[p]++;
      }
      for (int i = 0; i < cpus.length; i++) {
        assertThat(perCpu[i]).as("workers on CPU index %d", i).isEqualTo(i == caller ? 1 : 2);
      }
    }
  }

  @Test
  void placementCountsTheWorkersAlreadyRunning() throws Exception {
    CpuAffinity affinity = affinity();
    int[] cpus = affinity.allowedCpus();
    assumeTrue(cpus.length == 2 || cpus.length == 3, "the arithmetic below is for two or three CPUs");
    ScanWorkers workers = ScanWorkers.create(affinity);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(cpus.length - 1);
    try {
      // every CPU but the caller's (index 0) runs one worker: now all are equally loaded
      for (int i = 1; i < cpus.length; i++) {
        workers.execute(i, () -> {
          started.countDown();
          awaitQuietly(release);
        });
      }
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      int[] placed = onCpu(affinity, cpus[0], () -> workers.place(1));
      assertThat(placed).containsExactly(0);
    } finally {
      release.countDown();
    }
  }

  @Test
  void aWorkerRunsOnTheCpuItWasPlacedOn() throws Exception {
    CpuAffinity affinity = affinity();
    ScanWorkers workers = ScanWorkers.create(affinity);
    assumeTrue(workers.pinned(), "needs two CPUs");
    int[] cpus = affinity.allowedCpus();
    for (int i = 0; i < cpus.length; i++) {
      AtomicReference<Integer> ran = new AtomicReference<>();
      CountDownLatch done = new CountDownLatch(1);
      workers.execute(i, () -> {
        ran.set(affinity.currentCpu());
        done.countDown();
      });
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(ran.get()).isEqualTo(workers.cpuOf(i)).isEqualTo(cpus[i]);
    }
  }

  @Test
  void aSingleTaskRunsOffTheCallersCpu() throws Exception {
    CpuAffinity affinity = affinity();
    int[] cpus = twoOrMore(affinity);
    ScanWorkers workers = ScanWorkers.create(affinity);
    for (int caller : new int[] {cpus[0], cpus[cpus.length - 1]}) {
      int ran = onCpu(affinity, caller, () -> {
        CompletableFuture<Integer> cpu = new CompletableFuture<>();
        workers.execute(() -> cpu.complete(affinity.currentCpu()));
        return cpu.join();
      });
      assertThat(ran).as("CPU of a task started from CPU %d", caller).isNotEqualTo(caller).isIn(
          java.util.Arrays.stream(cpus).boxed().toList());
    }
  }

  @Test
  void withoutAffinityWorkersRunUnpinned() throws Exception {
    ScanWorkers workers = ScanWorkers.create(null);
    assertThat(workers.pinned()).isFalse();
    assertThat(workers.place(3)).containsExactly(0, 0, 0);
    assertThat(workers.cpuOf(0)).isEqualTo(-1);
    AtomicInteger ran = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(3);
    for (int w = 0; w < 3; w++) {
      workers.execute(0, () -> {
        ran.incrementAndGet();
        done.countDown();
      });
    }
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(ran.get()).isEqualTo(3);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
