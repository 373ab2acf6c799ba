package dev.wafer.functions.builtin.drift;

import static dev.wafer.functions.SqlType.BOOLEAN;
import static dev.wafer.functions.SqlType.DOUBLE;
import static dev.wafer.functions.SqlType.NUMERIC;

import dev.wafer.functions.Arguments;
import dev.wafer.functions.Example;
import dev.wafer.functions.FunctionKind;
import dev.wafer.functions.FunctionMetadata;
import dev.wafer.functions.RunningFunction;
import dev.wafer.functions.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Drift detection as running functions over an ordered partition:
 * {@code EWMA(x, mu0, sigma, lambda, L) OVER (PARTITION BY tester_id ORDER BY ts)} and friends.
 * Parameters are read from the first row with a non-NULL x and then fixed for the partition.
 */
public final class DriftFunctions {
  private static final String RUNNING = "A running function: use OVER (PARTITION BY tester_id ORDER BY ts). "
      + "A row with NULL or NaN x returns NULL and does not advance the chart; parameters (μ₀, σ, ...) are "
      + "read from the first row with a non-NULL x, and a NULL parameter makes every row NULL until a row "
      + "supplies it. μ₀ and σ are the in-control mean and σ (e.g. from a reference period).";
  private static final String EWMA_SIGNATURE_NOTE = " The limits are the exact, time-varying ones "
      + "(narrow at the start), not the asymptotic μ₀ ± Lσ√(λ/(2−λ)).";
  private static final String CUSUM_NOTE = " Usual choices: k = 0.5, h = 4 or 5.";
  private static final String MONTGOMERY = "over Montgomery's 30 observations (IMSL EWMA documentation), μ₀ = 10, σ = 1";

  private DriftFunctions() {}

  public static List<RunningFunction> all() {
    return List.of(ewma(), ewmaSignal(), cusumHi(), cusumLo(), cusumSignal());
  }

  private static RunningFunction ewma() {
    FunctionMetadata md = FunctionMetadata.builder("EWMA", FunctionKind.RUNNING)
        .signature(Signature.of(DOUBLE, "x", NUMERIC, "mu0", DOUBLE, "lambda", DOUBLE))
        .description("Exponentially weighted moving average of a tester's or site's measurements.")
        .definition("zᵢ = λxᵢ + (1−λ)zᵢ₋₁, z₀ = μ₀")
        .conventions(RUNNING + " λ outside (0, 1] → NULL.")
        .example(new Example("EWMA(x, 10, 0.1) at i = 1 " + MONTGOMERY, List.of(List.of(9.45, 10.0, 0.1)), 9.945))
        .build();
    return RunningFunction.of(md, () -> new Running<>(a -> validLambda(a.getDouble(2))
        ? new Ewma(a.getDouble(1), 1, a.getDouble(2), 1) : null, 3, (e, x) -> e.add(x)));
  }

  private static RunningFunction ewmaSignal() {
    FunctionMetadata md = FunctionMetadata.builder("EWMA_SIGNAL", FunctionKind.RUNNING)
        .signature(Signature.of(BOOLEAN, "x", NUMERIC, "mu0", DOUBLE, "sigma", DOUBLE, "lambda", DOUBLE, "L", DOUBLE))
        .description("Whether the EWMA is outside its control limits at this row (a drift alarm).")
        .definition("zᵢ ∉ μ₀ ± Lσ·√(λ/(2−λ)·[1 − (1−λ)^(2i)])")
        .conventions(RUNNING + EWMA_SIGNATURE_NOTE + " λ outside (0, 1] → NULL.")
        .example(new Example("EWMA_SIGNAL(x, 10, 1, 0.1, 2.7) at i = 29 " + MONTGOMERY
            + " (first signal: z₂₉ = 10.6468 > UCL 10.6187)", montgomeryRows(29, 10.0, 1.0, 0.1, 2.7), true))
        .build();
    return RunningFunction.of(md, () -> new Running<>(a -> validLambda(a.getDouble(3))
        ? new Ewma(a.getDouble(1), a.getDouble(2), a.getDouble(3), a.getDouble(4)) : null, 5,
        (e, x) -> {
          e.add(x);
          return e.signal();
        }));
  }

  private static RunningFunction cusumHi() {
    FunctionMetadata md = FunctionMetadata.builder("CUSUM_HI", FunctionKind.RUNNING)
        .signature(Signature.of(DOUBLE, "x", NUMERIC, "mu0", DOUBLE, "sigma", DOUBLE))
        .signature(Signature.of(DOUBLE, "x", NUMERIC, "mu0", DOUBLE, "sigma", DOUBLE, "k", DOUBLE))
        .description("Upper tabular CUSUM: accumulated evidence that the mean moved up.")
        .definition("C⁺ᵢ = max(0, xᵢ − (μ₀ + kσ) + C⁺ᵢ₋₁), C⁺₀ = 0, k = 0.5 by default")
        .conventions(RUNNING + CUSUM_NOTE)
        .example(new Example("CUSUM_HI(x, 10, 1) at i = 29 " + MONTGOMERY, montgomeryRows(29, 10.0, 1.0), 5.28))
        .build();
    return RunningFunction.of(md, () -> new Running<>(DriftFunctions::cusum, 3, (c, x) -> {
      c.add(x);
      return c.upper();
    }));
  }

  private static RunningFunction cusumLo() {
    FunctionMetadata md = FunctionMetadata.builder("CUSUM_LO", FunctionKind.RUNNING)
        .signature(Signature.of(DOUBLE, "x", NUMERIC, "mu0", DOUBLE, "sigma", DOUBLE))
        .signature(Signature.of(DOUBLE, "x", NUMERIC, "mu0", DOUBLE, "sigma", DOUBLE, "k", DOUBLE))
        .description("Lower tabular CUSUM: accumulated evidence that the mean moved down.")
        .definition("C⁻ᵢ = max(0, (μ₀ − kσ) − xᵢ + C⁻ᵢ₋₁), C⁻₀ = 0, k = 0.5 by default")
        .conventions(RUNNING + CUSUM_NOTE)
        .example(new Example("CUSUM_LO(x, 10, 1) at i = 2 " + MONTGOMERY, montgomeryRows(2, 10.0, 1.0), 1.56))
        .build();
    return RunningFunction.of(md, () -> new Running<>(DriftFunctions::cusum, 3, (c, x) -> {
      c.add(x);
      return c.lower();
    }));
  }

  private static RunningFunction cusumSignal() {
    FunctionMetadata md = FunctionMetadata.builder("CUSUM_SIGNAL", FunctionKind.RUNNING)
        .signature(Signature.of(BOOLEAN, "x", NUMERIC, "mu0", DOUBLE, "sigma", DOUBLE))
        .signature(Signature.of(BOOLEAN, "x", NUMERIC, "mu0", DOUBLE, "sigma", DOUBLE, "k", DOUBLE, "h", DOUBLE))
        .description("Whether either CUSUM exceeds the decision interval at this row (a drift alarm).")
        .definition("C⁺ᵢ > hσ or C⁻ᵢ > hσ, k = 0.5 and h = 5 by default")
        .conventions(RUNNING + CUSUM_NOTE)
        .example(new Example("CUSUM_SIGNAL(x, 10, 1, 0.5, 5) at i = 29 " + MONTGOMERY + " (first signal)",
            montgomeryRows(29, 10.0, 1.0, 0.5, 5.0), true))
        .build();
    return RunningFunction.of(md, () -> new Running<>(DriftFunctions::cusum, 3, (c, x) -> {
      c.add(x);
      return c.signal();
    }));
  }

  private static Cusum cusum(Arguments a) {
    return new Cusum(a.getDouble(1), a.getDouble(2), a.getDoubleOr(3, Cusum.DEFAULT_K),
        a.getDoubleOr(4, Cusum.DEFAULT_H));
  }

  private static boolean validLambda(double lambda) {
    return lambda > 0 && lambda <= 1;
  }

  /** The first {@code n} Montgomery observations, each followed by {@code parameters}. */
  private static List<List<Object>> montgomeryRows(int n, Object... parameters) {
    List<List<Object>> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<Object> row = new ArrayList<>();
      row.add(dev.wafer.functions.builtin.ExampleData.MONTGOMERY_30[i]);
      row.addAll(List.of(parameters));
      rows.add(row);
    }
    return rows;
  }

  /** Step function of a chart: adds x and returns the row's value. */
  @FunctionalInterface
  private interface Step<C> {
    Object apply(C chart, double x);
  }

  /** Partition state: builds the chart from the first usable row, then steps it row by row. */
  private static final class Running<C> implements RunningFunction.State {
    private final Function<Arguments, C> factory;
    private final int requiredArguments;
    private final Step<C> step;
    private C chart;

    Running(Function<Arguments, C> factory, int requiredArguments, Step<C> step) {
      this.factory = factory;
      this.requiredArguments = requiredArguments;
      this.step = step;
    }

    @Override
    public Object next(Arguments row) {
      if (row.isNull(0) || Double.isNaN(row.getDouble(0))) {
        return null;
      }
      if (chart == null) {
        for (int i = 1; i < requiredArguments; i++) {
          if (row.isNull(i)) {
            return null;
          }
        }
        chart = factory.apply(row);
        if (chart == null) {
          return null;
        }
      }
      return step.apply(chart, row.getDouble(0));
    }
  }
}
