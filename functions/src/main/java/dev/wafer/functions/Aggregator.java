package dev.wafer.functions;

import static java.util.Objects.requireNonNull;

import org.apache.arrow.vector.ValueVector;

/**
 * One group's state bound to its {@link AggregateFunction}, so callers that hold functions of
 * many state types (the engine's per-group arrays, Calcite's accumulator objects) need no
 * generics or casts. Not thread-safe.
 */
public final class Aggregator {
  private final Bound<?> bound;

  private Aggregator(Bound<?> bound) {
    this.bound = bound;
  }

  /** A new aggregator holding a fresh state of {@code function}. */
  public static <S> Aggregator of(AggregateFunction<S> function) {
    requireNonNull(function, "function is null");
    return new Aggregator(new Bound<>(function, function.createState()));
  }

  public AggregateFunction<?> function() {
    return bound.function;
  }

  /** Adds the selected rows of a batch; see {@link AggregateFunction#accumulate}. */
  public Aggregator accumulate(ValueVector[] arguments, int[] selection, int count) {
    bound.accumulate(arguments, selection, count);
    return this;
  }

  /** Adds one row; see {@link AggregateFunction#accumulateRow}. */
  public Aggregator accumulateRow(Arguments row) {
    bound.accumulateRow(row);
    return this;
  }

  /** Folds {@code other} into this aggregator; both must hold the same function. */
  public Aggregator merge(Aggregator other) {
    requireNonNull(other, "other is null");
    if (other.bound.function != bound.function) {
      throw new IllegalArgumentException("cannot merge " + other.bound.function.metadata().name()
          + " into " + bound.function.metadata().name());
    }
    bound.mergeFrom(other.bound);
    return this;
  }

  /** The current result; see {@link AggregateFunction#result}. */
  public Object result() {
    return bound.result();
  }

  /** Captures the state type once so the calls below type-check without casts per call site. */
  private static final class Bound<S> {
    private final AggregateFunction<S> function;
    private final S state;

    Bound(AggregateFunction<S> function, S state) {
      this.function = function;
      this.state = state;
    }

    void accumulate(ValueVector[] arguments, int[] selection, int count) {
      function.accumulate(state, arguments, selection, count);
    }

    void accumulateRow(Arguments row) {
      function.accumulateRow(state, row);
    }

    @SuppressWarnings("unchecked")
    void mergeFrom(Bound<?> other) {
      // Same function instance (checked by the caller), hence the same state type.
      function.merge(state, (S) other.state);
    }

    Object result() {
      return function.result(state);
    }
  }
}
