package dev.wafer.adapter.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerRosterTest {
  @Test
  void workersStartingBeforeTheRevocationRunAndTheOthersAreCountedOut() {
    WorkerRoster roster = new WorkerRoster();
    roster.expect(3);
    assertThat(roster.admit()).isTrue();
    assertThat(roster.revoke()).as("two had not started").isEqualTo(2);
    assertThat(roster.admit()).as("a late worker").isFalse();
    assertThat(roster.admit()).isFalse();
    assertThat(roster.revoke()).as("already revoked").isZero();
  }

  @Test
  void nothingIsRevokedOnceEveryWorkerStarted() {
    WorkerRoster roster = new WorkerRoster();
    roster.expect(2);
    assertThat(roster.admit()).isTrue();
    assertThat(roster.admit()).isTrue();
    assertThat(roster.revoke()).isZero();
  }

  @Test
  void aFailedLaunchIsNeitherAdmittedNorRevoked() {
    WorkerRoster roster = new WorkerRoster();
    roster.expect(2);
    roster.launchFailed();
    assertThat(roster.revoke()).isEqualTo(1);
  }

  @Test
  void underARaceEachWorkerIsAdmittedOrRevokedExactlyOnce() throws InterruptedException {
    for (int trial = 0; trial < 200; trial++) {
      WorkerRoster roster = new WorkerRoster();
      int workers = 1 + trial % 4;
      roster.expect(workers);
      AtomicInteger admitted = new AtomicInteger();
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        Thread t = new Thread(() -> {
          awaitQuietly(go);
          if (roster.admit()) {
            admitted.incrementAndGet();
          }
        });
        t.start();
        threads.add(t);
      }
      go.countDown();
      int revoked = roster.revoke();
      for (Thread t : threads) {
        t.join();
      }
      assertThat(admitted.get() + revoked).as("trial %d", trial).isEqualTo(workers);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
