package dev.wafer.functions.builtin;

import static java.util.Objects.requireNonNull;

import dev.wafer.functions.AggregateFunction;
import dev.wafer.functions.Arguments;
import dev.wafer.functions.FunctionMetadata;
import dev.wafer.functions.vector.GroupConstants;
import dev.wafer.functions.vector.NumericReader;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.arrow.vector.ValueVector;

/**
 * The built-in aggregates over one numeric column plus per-group constants: it reads a batch's
 * non-NULL, non-NaN values into a primitive buffer and hands them to the state in one call,
 * captures the constants, and merges. What differs between functions is the {@link State}
 * (moments, sorted values, a sketch) and the result function, both given to the constructor.
 *
 * @param <S> the state type
 */
public final class NumericAggregate<S extends NumericAggregate.State> implements AggregateFunction<S> {

  /** A group's state: the values seen (in whatever summary the subclass keeps) and the constants. */
  public abstract static class State {
    /** Slot i holds argument i + 1; see {@link GroupConstants}. */
    protected final double[] constants;

    protected State(int constantSlots) {
      constants = GroupConstants.create(constantSlots);
    }

    /** The constant arguments seen so far (slot i = argument i + 1; NaN = none). */
    public final double[] constants() {
      return constants;
    }

    /** Adds one value (never NULL or NaN). */
    protected abstract void add(double x);

    /** Adds the first {@code n} values of {@code xs} (never NULL or NaN). */
    protected abstract void addAll(double[] xs, int n);

    /** Folds the values of {@code other}, a state of the same function, into this one. */
    protected abstract void mergeValues(State other);
  }

  private final FunctionMetadata metadata;
  private final Supplier<S> states;
  private final Function<S, Object> result;

  /**
   * @param metadata the function's metadata
   * @param states creates an empty state
   * @param result computes the SQL result from a state, once per group
   */
  public NumericAggregate(FunctionMetadata metadata, Supplier<S> states, Function<S, Object> result) {
    this.metadata = requireNonNull(metadata, "metadata is null");
    this.states = requireNonNull(states, "states is null");
    this.result = requireNonNull(result, "result is null");
  }

  @Override
  public FunctionMetadata metadata() {
    return metadata;
  }

  @Override
  public S createState() {
    return states.get();
  }

  @Override
  public Object result(S state) {
    return result.apply(state);
  }

  @Override
  public void accumulate(S state, ValueVector[] arguments, int[] selection, int count) {
    double[] xs = NumericReader.scratch(count);
    int n = NumericReader.gather(arguments[0], selection, count, xs);
    state.addAll(xs, n);
    GroupConstants.capture(state.constants, arguments, selection, count);
  }

  @Override
  public void accumulateRow(S state, Arguments row) {
    if (!row.isNull(0)) {
      double x = row.getDouble(0);
      if (!Double.isNaN(x)) {
        state.add(x);
      }
    }
    GroupConstants.capture(state.constants, row);
  }

  @Override
  public void merge(S target, S other) {
    target.mergeValues(other);
    GroupConstants.merge(target.constants, other.constants);
  }
}
