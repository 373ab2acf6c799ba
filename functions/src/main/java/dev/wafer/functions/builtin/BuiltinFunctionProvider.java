package dev.wafer.functions.builtin;

import dev.wafer.functions.AggregateFunction;
import dev.wafer.functions.FunctionProvider;
import dev.wafer.functions.RunningFunction;
import dev.wafer.functions.ScalarFunction;
import dev.wafer.functions.builtin.approx.ApproxCountDistinctAggregate;
import dev.wafer.functions.builtin.approx.ApproxPercentileAggregate;
import dev.wafer.functions.builtin.capability.CapabilityFunctions;
import dev.wafer.functions.builtin.drift.DriftFunctions;
import dev.wafer.functions.builtin.outlier.OutlierFunctions;
import dev.wafer.functions.builtin.robust.PatFunctions;
import dev.wafer.functions.builtin.robust.QuantileFunctions;
import dev.wafer.functions.builtin.robust.RobustScaleFunctions;
import dev.wafer.functions.builtin.yield.YieldAggregate;
import java.util.ArrayList;
import java.util.List;

/**
 * Wafer's built-in test-analytics library (capability, robust statistics and PAT, yield,
 * outliers, drift, approximate sketches), registered through the same
 * {@link FunctionProvider} SPI as plugins.
 */
public final class BuiltinFunctionProvider implements FunctionProvider {
  /** The source label of built-in functions in the registry. */
  public static final String NAME = "wafer-builtin";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<ScalarFunction> scalarFunctions() {
    return OutlierFunctions.all();
  }

  @Override
  public List<AggregateFunction<?>> aggregateFunctions() {
    List<AggregateFunction<?>> all = new ArrayList<>();
    all.addAll(CapabilityFunctions.all());
    all.addAll(QuantileFunctions.all());
    all.addAll(RobustScaleFunctions.all());
    all.addAll(PatFunctions.all());
    all.add(new YieldAggregate());
    all.add(ApproxPercentileAggregate.create());
    all.add(new ApproxCountDistinctAggregate());
    return List.copyOf(all);
  }

  @Override
  public List<RunningFunction> runningFunctions() {
    return DriftFunctions.all();
  }
}
