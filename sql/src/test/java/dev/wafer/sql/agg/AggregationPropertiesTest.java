package dev.wafer.sql.agg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wafer.adapter.WaferMemory;
import dev.wafer.adapter.testing.ArrowTestWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Properties of the pushed aggregate over random data: the result does not depend on the number
 * of worker threads (beyond 1e-12 relative) and equals Calcite's, for fixed queries and for random
 * filtered groupings ({@link RandomGroupingQueries}); a GROUP BY whose state passes
 * the query memory limit fails with an error naming the limit and releases all memory.
 */
class AggregationPropertiesTest {
  @TempDir Path dir;

  private static final List<String> QUERIES = List.of(
      "select lot, wafer, count(*), sum(measured), avg(test_time), stddev_samp(measured) from results group by lot, wafer",
      "select device_id, var_pop(test_time) from results group by device_id",
      "select device_id, min(ts), max(big), count(label), sum(test_time) from results group by device_id",
      "select floor(ts to hour), test_date, count(*) filter (where passed), sum(big) from results "
          + "group by floor(ts to hour), test_date",
      "select sum(measured), sum(test_time), avg(measured), var_samp(measured), count(*) from results");

  @Test
  void resultsDoNotDependOnThreadCount() throws Exception {
    overRandomData(4, (what, rnd, one, many, off) -> {
      for (String q : QUERIES) {
        List<List<Object>> expected = Results.query(one, q, false).rows();
        Results.assertSame(what + q + " (threads)", Results.query(many, q, false).rows(), expected);
        if (!q.contains("var_") && !q.contains("stddev_")) {
          // Calcite computes variances as (Σx² - (Σx)²/n)/n, which cancels badly for groups of
          // nearly equal values; the scan's Welford/Chan result is the accurate one (DuckDB
          // agrees: AggregationQueriesTest), so moments are compared across thread counts only
          Results.assertSame(what + q + " (rules=off)", expected, Results.query(off, q, false).rows());
        }
      }
    });
  }

  /**
   * Random filters meet random groupings in one scan, where the selection must decide every group
   * that appears: a filter dropping every row of some key must leave no group of it.
   */
  @Test
  void randomFilteredGroupingsEqualCalcite() throws Exception {
    overRandomData(3, (what, rnd, one, many, off) -> {
      for (int i = 0; i < 20; i++) {
        String q = RandomGroupingQueries.next(rnd);
        List<List<Object>> expected = Results.query(off, q, false).rows();
        Results.assertSame(what + q + " (1 thread)", Results.query(one, q, false).rows(), expected);
        Results.assertSame(what + q + " (threads)", Results.query(many, q, false).rows(), expected);
      }
    });
  }

  /** Checks run on one random dataset, with Wafer on 1 thread, on several, and with rules=off. */
  private interface RoundCheck {
    void run(String what, Random rnd, Connection one, Connection many, Connection off) throws Exception;
  }

  /** Three rounds of random data (seed in {@code what}); no Arrow memory may be left after them. */
  private void overRandomData(int maxDays, RoundCheck check) throws Exception {
    long seed = System.nanoTime();
    Random rnd = new Random(seed);
    for (int round = 0; round < 3; round++) {
      Path root = dir.resolve("r" + round);
      AggData.writeRandom(root, rnd, maxDays);
      try (Connection one = DriverManager.getConnection("jdbc:wafer:" + root + ";threads=1");
          Connection many = DriverManager.getConnection("jdbc:wafer:" + root + ";threads=" + (2 + rnd.nextInt(3)));
          Connection off = DriverManager.getConnection("jdbc:wafer:" + root + ";rules=off")) {
        check.run("seed " + seed + " round " + round + ": ", rnd, one, many, off);
      }
    }
    assertThat(WaferMemory.root().getAllocatedMemory()).isZero();
  }

  @Test
  void groupByBeyondTheMemoryLimitFailsNamingIt() throws Exception {
    Random rnd = new Random(7);
    ArrowTestWriter.write(dir.resolve("results/test_date=2024-03-01/part-0.arrow"), AggData.COLUMNS,
        AggData.rows(rnd, LocalDate.of(2024, 3, 1), 20_000), 4096, true);
    try (Connection c = DriverManager.getConnection("jdbc:wafer:" + dir + ";threads=2;maxQueryMemory=64k")) {
      assertThatThrownBy(() -> Results.query(c, "select big, count(*) from results group by big", false))
          .isInstanceOf(SQLException.class)
          .hasStackTraceContaining("query memory limit exceeded")
          .hasStackTraceContaining("maxQueryMemory=65536");
      // a small GROUP BY on the same connection still works, and nothing leaked
      assertThat(Results.query(c, "select lot, count(*) from results group by lot", false).rows()).hasSize(4);
    }
    assertThat(WaferMemory.root().getAllocatedMemory()).isZero();
  }
}
