package dev.wafer.functions.builtin.robust;

import dev.wafer.functions.AggregateFunction;
import dev.wafer.functions.FunctionMetadata;
import dev.wafer.functions.builtin.NumericAggregate;
import dev.wafer.functions.vector.DoubleList;

/**
 * Exact order-statistic aggregates (MEDIAN, PERCENTILE, IQR, MAD, PAT limits, ...): the state
 * keeps every non-NULL value of its group in a primitive {@link DoubleList} (8 bytes a value)
 * plus the group constants; the result sorts the values once and applies a {@link Formula}.
 * Merging appends one list to the other, so any split gives the same multiset and result.
 */
public final class SortedValuesAggregate {

  /** Computes the result from {@code n ≥ 1} sorted values and the group constants. */
  @FunctionalInterface
  public interface Formula {
    Double apply(double[] sorted, int n, double[] constants);
  }

  /** One group's state: its values and its constant arguments. */
  public static final class State extends NumericAggregate.State {
    final DoubleList values = new DoubleList();

    State(int slots) {
      super(slots);
    }

    @Override
    protected void add(double x) {
      values.add(x);
    }

    @Override
    protected void addAll(double[] xs, int n) {
      values.addAll(xs, n);
    }

    @Override
    protected void mergeValues(NumericAggregate.State other) {
      values.addAll(((State) other).values);
    }

    /** Bytes held by the values, for the engine's memory accounting. */
    public long retainedBytes() {
      return values.retainedBytes();
    }
  }

  private SortedValuesAggregate() {}

  /** An aggregate keeping all values and {@code constantSlots} constants; no value → NULL. */
  public static AggregateFunction<State> create(FunctionMetadata metadata, int constantSlots, Formula formula) {
    return new NumericAggregate<>(metadata, () -> new State(constantSlots), s -> {
      int n = s.values.size();
      return n == 0 ? null : formula.apply(s.values.sorted(), n, s.constants());
    });
  }
}
