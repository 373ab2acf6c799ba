package dev.wafer.functions;

/**
 * A function whose value at a row depends on the rows before it in an ordered partition, such
 * as EWMA or CUSUM ({@code f(x, ...) OVER (PARTITION BY tester ORDER BY ts)}). The engine creates
 * one state per partition and feeds rows in order; the state returns the value for each row.
 */
public interface RunningFunction {
  /** Name, signatures and documentation. */
  FunctionMetadata metadata();

  /** A fresh state for one partition. */
  State newState();

  /** A running function from its metadata and a factory of partition states. */
  static RunningFunction of(FunctionMetadata metadata, java.util.function.Supplier<State> states) {
    java.util.Objects.requireNonNull(metadata, "metadata is null");
    java.util.Objects.requireNonNull(states, "states is null");
    return new RunningFunction() {
      @Override
      public FunctionMetadata metadata() {
        return metadata;
      }

      @Override
      public State newState() {
        return states.get();
      }
    };
  }

  /** The running state of one partition; not thread-safe. */
  interface State {
    /**
     * Adds the next row (in partition order) and returns the function's value at that row.
     *
     * @param row the row's arguments in signature order (constant parameters are repeated)
     * @return the value at this row, or null
     */
    Object next(Arguments row);
  }
}
