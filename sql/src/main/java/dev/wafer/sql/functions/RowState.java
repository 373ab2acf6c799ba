package dev.wafer.sql.functions;

import dev.wafer.functions.AggregateFunction;
import dev.wafer.functions.Aggregator;
import dev.wafer.functions.RunningFunction;

/**
 * The accumulator generated code keeps per group (GROUP BY) or per window frame (OVER): the row's
 * arguments are set into its slots, then {@link #add()} feeds them to the function and
 * {@link #result()} reads the value. Created by the static factories below, which generated code
 * calls by handle. Not thread-safe: Calcite uses one per group and thread.
 */
public abstract class RowState extends SlotArguments {
  RowState(int arity) {
    super(arity);
  }

  /** A fresh state of the aggregate registered under {@code handle}. */
  public static RowState aggregate(int handle, int arity) {
    return new AggregateState(Aggregator.of((AggregateFunction<?>) FunctionHandles.get(handle)), arity);
  }

  /** A fresh partition state of the running function registered under {@code handle}. */
  public static RowState running(int handle, int arity) {
    return new RunningState(((RunningFunction) FunctionHandles.get(handle)).newState(), arity);
  }

  /** Feeds the arguments set in the slots as the next row. */
  public abstract void add();

  /** The current value (a Double, Long, Boolean or String), or null; leaves the state as it is. */
  public abstract Object result();

  /** An aggregate's state: rows go to {@link Aggregator#accumulateRow}. */
  private static final class AggregateState extends RowState {
    private final Aggregator aggregator;

    AggregateState(Aggregator aggregator, int arity) {
      super(arity);
      this.aggregator = aggregator;
    }

    @Override
    public void add() {
      aggregator.accumulateRow(this);
    }

    @Override
    public Object result() {
      return aggregator.result();
    }
  }

  /**
   * A running function's state: each row advances the chart, and the result is the value at the
   * last row added (Calcite adds the frame's rows in window order and asks for the result after
   * each frame, so with an UNBOUNDED PRECEDING frame every row gets its running value).
   */
  private static final class RunningState extends RowState {
    private final RunningFunction.State state;
    private Object last;

    RunningState(RunningFunction.State state, int arity) {
      super(arity);
      this.state = state;
    }

    @Override
    public void add() {
      last = state.next(this);
    }

    @Override
    public Object result() {
      return last;
    }
  }
}
