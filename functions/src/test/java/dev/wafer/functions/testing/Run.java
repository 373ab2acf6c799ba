package dev.wafer.functions.testing;

import dev.wafer.functions.AggregateFunction;
import dev.wafer.functions.Aggregator;
import dev.wafer.functions.ObjectArrayArguments;
import dev.wafer.functions.RunningFunction;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/** Runs functions over argument rows through each execution path, for tests. */
public final class Run {
  private Run() {}

  /** One dense batch through the vectorized path. */
  public static Object vectorized(BufferAllocator allocator, AggregateFunction<?> f, List<? extends List<Object>> rows) {
    int arity = rows.isEmpty() ? 1 : rows.get(0).size();
    try (Batch batch = Batch.of(allocator, rows, arity)) {
      return Aggregator.of(f).accumulate(batch.vectors(), null, rows.size()).result();
    }
  }

  /** Rows of x followed by the same constants. */
  public static List<List<Object>> rowsOf(Double[] xs, Object... constants) {
    List<List<Object>> rows = new java.util.ArrayList<>();
    for (Double x : xs) {
      List<Object> row = new java.util.ArrayList<>();
      row.add(x);
      row.addAll(java.util.Arrays.asList(constants));
      rows.add(row);
    }
    return rows;
  }

  /** The vectorized result, after checking the row path agrees with it (to 1e-12). */
  public static Object bothPaths(BufferAllocator allocator, AggregateFunction<?> f, List<List<Object>> rows) {
    Object vectorized = vectorized(allocator, f, rows);
    Results.assertClose(f.metadata().name() + " row path", vectorized, rows(f, rows), 1e-12);
    return vectorized;
  }

  /** Row at a time, as Calcite's row engine would. */
  public static Object rows(AggregateFunction<?> f, List<? extends List<Object>> rows) {
    Aggregator agg = Aggregator.of(f);
    ObjectArrayArguments args = new ObjectArrayArguments();
    for (List<Object> row : rows) {
      agg.accumulateRow(args.wrap(row.toArray()));
    }
    return agg.result();
  }

  /** A running function over an ordered partition; returns the value at the last row. */
  public static Object running(RunningFunction f, List<? extends List<Object>> rows) {
    RunningFunction.State state = f.newState();
    ObjectArrayArguments args = new ObjectArrayArguments();
    Object last = null;
    for (List<Object> row : rows) {
      last = state.next(args.wrap(row.toArray()));
    }
    return last;
  }
}
