package dev.wafer.sql.functions;

import dev.wafer.functions.AggregateFunction;
import dev.wafer.functions.RunningFunction;
import dev.wafer.functions.Signature;
import org.apache.calcite.adapter.enumerable.AggImplementor;
import org.apache.calcite.schema.ImplementableAggFunction;

/**
 * A Wafer aggregate or running function as a Calcite user-defined aggregate, run by Calcite's
 * row engine (EnumerableAggregate for GROUP BY, EnumerableWindow for OVER) through
 * {@link RowStateImplementor}. Aggregates work in both; running functions (EWMA, CUSUM) only in
 * OVER, where Calcite feeds the partition's rows in window order.
 */
final class WaferAggregateFunction extends SignatureFunction
    implements org.apache.calcite.schema.AggregateFunction, ImplementableAggFunction {
  private final boolean running;

  WaferAggregateFunction(String name, Signature signature, AggregateFunction<?> function) {
    super(name, signature, function);
    this.running = false;
  }

  WaferAggregateFunction(String name, Signature signature, RunningFunction function) {
    super(name, signature, function);
    this.running = true;
  }

  @Override
  public AggImplementor getImplementor(boolean windowContext) {
    if (running && !windowContext) {
      throw new IllegalArgumentException(name() + " is a running function: call it as a window function, "
          + name() + "(...) OVER (PARTITION BY tester_id ORDER BY ts)");
    }
    return new RowStateImplementor(running ? "running" : "aggregate", handle(), signature());
  }
}
