package dev.wafer.functions.builtin.approx;

import static dev.wafer.functions.SqlType.DOUBLE;
import static dev.wafer.functions.SqlType.NUMERIC;

import dev.wafer.functions.AggregateFunction;
import dev.wafer.functions.Example;
import dev.wafer.functions.FunctionKind;
import dev.wafer.functions.FunctionMetadata;
import dev.wafer.functions.Signature;
import dev.wafer.functions.builtin.ExampleData;
import dev.wafer.functions.builtin.NumericAggregate;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * APPROX_PERCENTILE(x, p): a quantile from an Apache DataSketches KLL sketch, in bounded memory
 * per group (a few kilobytes) whatever the group's size; sketches merge losslessly in rank error.
 */
public final class ApproxPercentileAggregate {
  /** KLL accuracy parameter: normalized rank error about 1.65% (99% confidence) at k = 200. */
  public static final int K = 200;

  private static final FunctionMetadata METADATA = FunctionMetadata.builder("APPROX_PERCENTILE", FunctionKind.AGGREGATE)
      .aliases("APPROX_QUANTILE")
      .signature(Signature.of(DOUBLE, "x", NUMERIC, "p", DOUBLE))
      .description("An approximate p-quantile in bounded memory, for groups too large for PERCENTILE.")
      .definition("the KLL sketch's inclusive quantile: the smallest retained value whose estimated "
          + "normalized rank is ≥ p (a value of the input, not interpolated)")
      .conventions("Apache DataSketches KLL with k = 200: the returned value's rank is within about 1.65% of p "
          + "(99% confidence). Exact (no interpolation) while a group has at most 200 values. NULL and NaN x are "
          + "ignored; no value, or p NULL or outside [0, 1] → NULL. p is a per-group constant.")
      .example(Example.aggregate("APPROX_PERCENTILE(x, 0.5) over 1..9", ExampleData.ONE_TO_NINE, 5.0, 0.5))
      .build();

  /** One group's sketch and its p. */
  public static final class State extends NumericAggregate.State {
    final KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance(K);

    State() {
      super(1);
    }

    @Override
    protected void add(double x) {
      sketch.update(x);
    }

    @Override
    protected void addAll(double[] xs, int n) {
      if (n > 0) {
        sketch.update(xs, 0, n);
      }
    }

    @Override
    protected void mergeValues(NumericAggregate.State other) {
      sketch.merge(((State) other).sketch);
    }
  }

  private ApproxPercentileAggregate() {}

  /** The APPROX_PERCENTILE aggregate. */
  public static AggregateFunction<State> create() {
    return new NumericAggregate<>(METADATA, State::new, ApproxPercentileAggregate::result);
  }

  private static Object result(State state) {
    double p = state.constants()[0];
    if (state.sketch.isEmpty() || !(p >= 0 && p <= 1)) {
      return null;
    }
    return state.sketch.getQuantile(p, QuantileSearchCriteria.INCLUSIVE);
  }
}
