package dev.wafer.functions.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.functions.AggregateFunction;
import dev.wafer.functions.Aggregator;
import dev.wafer.functions.FunctionRegistry;
import dev.wafer.functions.ObjectArrayArguments;
import dev.wafer.functions.testing.ArrowTest;
import dev.wafer.functions.testing.Batch;
import dev.wafer.functions.testing.Results;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.junit.jupiter.api.Test;

/**
 * The contract every aggregate must keep (after Trino's AbstractTestAggregationFunction): no
 * rows, one row, all NULL, mixed NULL, selection vectors, constants as one-value vectors, the
 * row path, empty partials, and the parallel-merge property: random data split into random
 * partitions (some empty), each accumulated through random selection chunks, merged in random
 * order, equals one single pass. Results are checked against an independent reference
 * computation written in the subclass, not against hard-coded numbers.
 */
public abstract class AggregateContractTest extends ArrowTest {
  /** How many random splits the merge property tries. */
  private static final int SPLITS = 25;

  private final ObjectArrayArguments args = new ObjectArrayArguments();

  /** The registered name of the aggregate under test. */
  protected abstract String functionName();

  /** A random argument row: the measured value (NULL when {@code nullX}) and the constants. */
  protected abstract List<Object> row(Random random, boolean nullX);

  /** The expected result over {@code rows}, computed independently of the implementation. */
  protected abstract Object reference(List<List<Object>> rows);

  /** Checks a result against the reference; approximate functions override with their error bound. */
  protected void assertMatchesReference(String what, List<List<Object>> rows, Object actual) {
    Results.assertClose(what, reference(rows), actual, 1e-9);
  }

  /** Checks a merged result against the single-pass one (1e-9 relative, the contract's tolerance). */
  protected void assertSameAsSinglePass(String what, List<List<Object>> rows, Object single, Object merged) {
    Results.assertClose(what, single, merged, 1e-9);
  }

  protected int maxRows() {
    return 1500;
  }

  private static final FunctionRegistry REGISTRY = FunctionRegistry.classpath();

  /** The function under test; one instance, as the engine holds it (merge requires the same instance). */
  protected AggregateFunction<?> function() {
    return REGISTRY.aggregate(functionName()).orElseThrow();
  }

  private Random random(long salt) {
    return new Random(functionName().hashCode() * 31L + salt);
  }

  protected List<List<Object>> rows(Random random, int n, double nullFraction) {
    List<List<Object>> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rows.add(row(random, random.nextDouble() < nullFraction));
    }
    return rows;
  }

  /** A row with every value present: types the vectors of all-NULL columns. */
  private List<Object> template() {
    return row(new Random(0), false);
  }

  /** One dense batch through the vectorized path. */
  protected Object vectorized(List<List<Object>> rows) {
    try (Batch batch = Batch.of(allocator, rows, template())) {
      return Aggregator.of(function()).accumulate(batch.vectors(), null, rows.size()).result();
    }
  }

  protected Object rowPath(List<List<Object>> rows) {
    Aggregator agg = Aggregator.of(function());
    for (List<Object> row : rows) {
      agg.accumulateRow(args.wrap(row.toArray()));
    }
    return agg.result();
  }

  private void checkAllPaths(String what, List<List<Object>> rows) {
    Object v = vectorized(rows);
    assertMatchesReference(what + " vectorized", rows, v);
    assertMatchesReference(what + " row path", rows, rowPath(rows));
  }

  @Test
  void noRows() {
    assertMatchesReference("fresh state", List.of(), Aggregator.of(function()).result());
    checkAllPaths("no rows", List.of());
  }

  @Test
  void oneRow() {
    checkAllPaths("one row", rows(random(1), 1, 0));
  }

  @Test
  void allNull() {
    checkAllPaths("all NULL", rows(random(2), 40, 1.0));
  }

  @Test
  void mixedNull() {
    checkAllPaths("mixed NULL", rows(random(3), 400, 0.3));
  }

  @Test
  void selectionVectorPicksRows() {
    Random random = random(4);
    List<List<Object>> rows = rows(random, 600, 0.1);
    int[] selection = new int[rows.size()];
    List<List<Object>> picked = new ArrayList<>();
    int count = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (random.nextInt(3) == 0) {
        selection[count++] = i;
        picked.add(rows.get(i));
      }
    }
    try (Batch batch = Batch.of(allocator, rows, template())) {
      Object result = Aggregator.of(function()).accumulate(batch.vectors(), selection, count).result();
      assertMatchesReference("selected rows", picked, result);
    }
  }

  @Test
  void constantsAsOneValueVectors() {
    List<List<Object>> rows = rows(random(5), 300, 0.1);
    List<Object> first = rows.get(0);
    try (Batch batch = Batch.of(allocator, rows, template().subList(0, 1))) {
      ValueVector[] vectors = new ValueVector[first.size()];
      vectors[0] = batch.vectors()[0];
      List<FieldVector> constants = new ArrayList<>();
      try {
        for (int c = 1; c < first.size(); c++) {
          FieldVector v = Batch.constant(allocator, "c" + c, first.get(c));
          constants.add(v);
          vectors[c] = v;
        }
        Object result = Aggregator.of(function()).accumulate(vectors, null, rows.size()).result();
        assertMatchesReference("constants as one-value vectors", rows, result);
      } finally {
        constants.forEach(FieldVector::close);
      }
    }
  }

  @Test
  void emptyPartialsChangeNothing() {
    List<List<Object>> rows = rows(random(6), 300, 0.2);
    Object single = vectorized(rows);
    try (Batch batch = Batch.of(allocator, rows, template())) {
      Aggregator full = Aggregator.of(function()).accumulate(batch.vectors(), null, rows.size());
      full.merge(Aggregator.of(function()));
      assertSameAsSinglePass("full <- empty", rows, single, full.result());
      Aggregator intoEmpty = Aggregator.of(function()).merge(full);
      assertSameAsSinglePass("empty <- full", rows, single, intoEmpty.result());
      Aggregator empty = Aggregator.of(function()).merge(Aggregator.of(function()));
      assertMatchesReference("empty <- empty", List.of(), empty.result());
    }
  }

  @Test
  void rowPathPartialsMergeLikeVectorized() {
    Random random = random(7);
    List<List<Object>> rows = rows(random, 500, 0.2);
    int cut = random.nextInt(rows.size());
    Aggregator left = Aggregator.of(function());
    Aggregator right = Aggregator.of(function());
    for (int i = 0; i < rows.size(); i++) {
      (i < cut ? left : right).accumulateRow(args.wrap(rows.get(i).toArray()));
    }
    assertSameAsSinglePass("row partials merged", rows, vectorized(rows), left.merge(right).result());
  }

  @Test
  void randomPartitionsMergeToTheSinglePassResult() {
    Random random = random(8);
    for (int split = 0; split < SPLITS; split++) {
      int n = split == 0 ? 0 : random.nextInt(maxRows() + 1);
      List<List<Object>> rows = rows(random, n, random.nextDouble() * 0.4);
      Object single = vectorized(rows);
      assertMatchesReference("single pass, split " + split, rows, single);
      Object merged = mergedOverRandomPartitions(random, rows);
      assertSameAsSinglePass("split " + split + " (" + n + " rows)", rows, single, merged);
    }
  }

  private Object mergedOverRandomPartitions(Random random, List<List<Object>> rows) {
    int partitions = 1 + random.nextInt(8);
    List<List<Integer>> members = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      members.add(new ArrayList<>());
    }
    for (int i = 0; i < rows.size(); i++) {
      members.get(random.nextInt(partitions)).add(i);
    }
    List<Aggregator> partials = new ArrayList<>();
    try (Batch batch = Batch.of(allocator, rows, template())) {
      ValueVector[] vectors = batch.vectors();
      for (List<Integer> rowsOfPartition : members) {
        Aggregator partial = Aggregator.of(function());
        int[] selection = rowsOfPartition.stream().mapToInt(Integer::intValue).toArray();
        int start = 0;
        while (start < selection.length) { // several batches per partition, through selection vectors
          int len = 1 + random.nextInt(selection.length - start);
          int[] chunk = java.util.Arrays.copyOfRange(selection, start, start + len);
          partial.accumulate(vectors, chunk, len);
          start += len;
        }
        partials.add(partial);
      }
    }
    Collections.shuffle(partials, random);
    while (partials.size() > 1) { // a random merge tree: any two partials, into either side
      Aggregator a = partials.remove(random.nextInt(partials.size()));
      Aggregator b = partials.remove(random.nextInt(partials.size()));
      partials.add(a.merge(b));
    }
    return partials.get(0).result();
  }
}
