package dev.wafer.functions.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.functions.Aggregator;
import dev.wafer.functions.ObjectArrayArguments;
import dev.wafer.functions.testing.Batch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The aggregate contract for YIELD (exact) and the DataSketches functions, whose results are
 * checked against the exact answer within the sketch's documented error instead of 1e-9.
 */
class CountingContractTest {

  @Nested
  class Yield extends AggregateContractTest {
    @Override
    protected String functionName() {
      return "YIELD";
    }

    @Override
    protected List<Object> row(Random random, boolean nullX) {
      return Arrays.asList(nullX ? null : random.nextInt(10) < 8);
    }

    @Override
    protected Object reference(List<List<Object>> rows) {
      long pass = rows.stream().filter(r -> Boolean.TRUE.equals(r.get(0))).count();
      long total = rows.stream().filter(r -> r.get(0) != null).count();
      return total == 0 ? null : (double) pass / total;
    }
  }

  @Nested
  class ApproxPercentile extends AggregateContractTest {
    private static final double P = 0.9;
    /** KLL k = 200 has a 99%-confidence normalized rank error of about 1.65%; allow 2.5%. */
    private static final double RANK_TOLERANCE = 0.025;

    @Override
    protected String functionName() {
      return "APPROX_PERCENTILE";
    }

    @Override
    protected List<Object> row(Random random, boolean nullX) {
      return Arrays.asList(nullX ? null : 100 * random.nextDouble(), P);
    }

    @Override
    protected Object reference(List<List<Object>> rows) {
      double[] x = Reference.xs(rows);
      return x.length == 0 ? null : Reference.quantile7(x, P);
    }

    /** The result must be an input value whose rank range in the data comes within the tolerance of p. */
    @Override
    protected void assertMatchesReference(String what, List<List<Object>> rows, Object actual) {
      double[] x = Reference.xs(rows);
      if (x.length == 0) {
        assertThat(actual).as(what).isNull();
        return;
      }
      double v = (Double) actual;
      long below = Arrays.stream(x).filter(d -> d < v).count();
      long atOrBelow = Arrays.stream(x).filter(d -> d <= v).count();
      assertThat(atOrBelow).as(what + ": result is an input value").isGreaterThan(below);
      assertThat((double) atOrBelow / x.length).as(what + ": rank").isGreaterThanOrEqualTo(P - RANK_TOLERANCE);
      assertThat((double) below / x.length).as(what + ": rank").isLessThanOrEqualTo(P + RANK_TOLERANCE);
    }

    @Override
    protected void assertSameAsSinglePass(String what, List<List<Object>> rows, Object single, Object merged) {
      assertMatchesReference(what + " single pass", rows, single);
      assertMatchesReference(what + " merged", rows, merged);
    }
  }

  @Nested
  class ApproxCountDistinct extends AggregateContractTest {
    /** HLL lgK = 12 has a relative standard error of about 1.6%; allow about three of them. */
    private static final double RELATIVE_TOLERANCE = 0.05;

    @Override
    protected String functionName() {
      return "APPROX_COUNT_DISTINCT";
    }

    @Override
    protected List<Object> row(Random random, boolean nullX) {
      return Arrays.asList(nullX ? null : (double) random.nextInt(4000));
    }

    @Override
    protected Object reference(List<List<Object>> rows) {
      return (long) new HashSet<>(Arrays.asList(Arrays.stream(Reference.xs(rows)).boxed().toArray())).size();
    }

    @Override
    protected void assertMatchesReference(String what, List<List<Object>> rows, Object actual) {
      long exact = (Long) reference(rows);
      assertThat((Long) actual).as(what).isCloseTo(exact, org.assertj.core.data.Offset.offset(
          (long) Math.ceil(RELATIVE_TOLERANCE * exact)));
    }

    @Override
    protected void assertSameAsSinglePass(String what, List<List<Object>> rows, Object single, Object merged) {
      assertMatchesReference(what + " single pass", rows, single);
      assertMatchesReference(what + " merged", rows, merged);
    }

    @Test
    void stringsHashTheSameOnBothPaths() {
      Random random = new Random(11);
      List<List<Object>> rows = new ArrayList<>();
      Set<String> distinct = new HashSet<>();
      for (int i = 0; i < 3000; i++) {
        String s = i % 7 == 0 ? null : "lot-" + random.nextInt(900) + (i % 3 == 0 ? "-é€😀" : "");
        rows.add(Arrays.asList(s));
        if (s != null) {
          distinct.add(s);
        }
      }
      Object vectorized;
      try (Batch batch = Batch.of(allocator, rows, 1)) {
        vectorized = Aggregator.of(function()).accumulate(batch.vectors(), null, rows.size()).result();
      }
      Aggregator byRow = Aggregator.of(function());
      ObjectArrayArguments args = new ObjectArrayArguments();
      rows.forEach(r -> byRow.accumulateRow(args.wrap(r.toArray())));
      assertThat(byRow.result()).as("row path hashes UTF-8 like the vector path").isEqualTo(vectorized);
      assertThat((Long) vectorized).isCloseTo((long) distinct.size(),
          org.assertj.core.data.Offset.offset((long) (RELATIVE_TOLERANCE * distinct.size())));
    }
  }
}
