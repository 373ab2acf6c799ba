package dev.wafer.sql.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.sql.testing.DifferentialData;
import dev.wafer.sql.testing.ResultRows;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded load on loopback: N clients run a mixed query set for a while and every result must
 * equal the serial run of the same query. Default: 8 clients for 3 s (a CI-sized check). The
 * issue's load test is opt-in: {@code -Dwafer.load.clients=32 -Dwafer.load.seconds=60}; it logs
 * QPS, p50/p99 latency and the peak heap seen.
 */
class ConcurrentClientsTest {
  private static final Logger LOG = LoggerFactory.getLogger(ConcurrentClientsTest.class);
  static final String[] MIX = {
    "SELECT wafer_id, count(*), avg(test_value) FROM test_results GROUP BY wafer_id",
    "SELECT test_name, stddev_samp(test_value), min(ts), max(ts) FROM test_results WHERE test_date >= DATE '2024-01-03' GROUP BY test_name",
    "SELECT r.test_name, s.unit, count(*) FROM test_results r JOIN specs s ON r.test_name = s.test_name"
        + " WHERE r.test_value BETWEEN s.lo AND s.hi GROUP BY r.test_name, s.unit",
    "SELECT id, wafer_id, test_value FROM test_results WHERE id BETWEEN 1000 AND 1600",
    "SELECT (CASE WHEN test_value < 95 THEN 'low' WHEN test_value > 105 THEN 'high' ELSE 'ok' END) AS band, SUM(1)"
        + " FROM test_results GROUP BY (CASE WHEN test_value < 95 THEN 'low' WHEN test_value > 105 THEN 'high' ELSE 'ok' END)",
    "SELECT * FROM (SELECT test_date, count(DISTINCT wafer_id) AS w FROM test_results GROUP BY test_date) T",
  };

  @TempDir Path dir;

  @Test
  void concurrentClientsGetTheSerialResultsWithoutErrors() throws Exception {
    int clients = Integer.getInteger("wafer.load.clients", 8);
    int seconds = Integer.getInteger("wafer.load.seconds", 3);
    try (DifferentialData data = DifferentialData.create(dir, 3L);
        WaferServer server = WaferServer.start(ServerFixture.config(data.arrowRoot()))) {
      List<List<List<Object>>> serial = new ArrayList<>();
      try (Connection c = ServerFixture.connect(server)) {
        for (String q : MIX) {
          serial.add(ServerFixture.rows(c, q));
        }
      }
      ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
      AtomicLong peakHeap = new AtomicLong();
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      List<Future<?>> futures = new ArrayList<>();
      for (int k = 0; k < clients; k++) {
        int client = k;
        futures.add(pool.submit(() -> {
          List<Long> mine = new ArrayList<>();
          try (Connection c = ServerFixture.connect(server)) {
            for (int i = client; System.nanoTime() < end; i++) {
              int q = i % MIX.length;
              long t0 = System.nanoTime();
              String diff = ResultRows.difference(serial.get(q), ServerFixture.rows(c, MIX[q]));
              mine.add(System.nanoTime() - t0);
              if (diff != null) {
                errors.add(MIX[q] + ": " + diff);
              }
              Runtime rt = Runtime.getRuntime();
              peakHeap.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
            }
          } catch (Exception e) {
            errors.add(e.toString());
          }
          latencies.add(mine.stream().mapToLong(Long::longValue).toArray());
        }));
      }
      for (Future<?> f : futures) {
        f.get(seconds + 120L, TimeUnit.SECONDS);
      }
      pool.shutdown();
      long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      assertThat(errors).isEmpty();
      assertThat(all.length).isGreaterThanOrEqualTo(clients);
      LOG.info("load: {} clients, {} s, {} queries, {} QPS, p50 {} ms, p99 {} ms, peak heap {} MB", clients, seconds,
          all.length, String.format("%.1f", all.length / (double) seconds), all[all.length / 2] / 1_000_000,
          all[(int) Math.min(all.length - 1, Math.floor(all.length * 0.99))] / 1_000_000, peakHeap.get() >> 20);
    }
  }
}
