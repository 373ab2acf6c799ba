package dev.wafer.functions.builtin.robust;

import static dev.wafer.functions.SqlType.DOUBLE;
import static dev.wafer.functions.SqlType.NUMERIC;

import dev.wafer.functions.AggregateFunction;
import dev.wafer.functions.Example;
import dev.wafer.functions.FunctionKind;
import dev.wafer.functions.FunctionMetadata;
import dev.wafer.functions.Signature;
import dev.wafer.functions.builtin.ExampleData;
import java.util.List;

/** Robust scale estimates: ROBUST_SIGMA (IQR-based, AEC-Q001), MAD and MAD_RAW. */
public final class RobustScaleFunctions {
  private RobustScaleFunctions() {}

  public static List<AggregateFunction<?>> all() {
    return List.of(robustSigma(), mad(), madRaw());
  }

  private static AggregateFunction<?> robustSigma() {
    FunctionMetadata md = FunctionMetadata.builder("ROBUST_SIGMA", FunctionKind.AGGREGATE)
        .signature(Signature.of(DOUBLE, "x", NUMERIC))
        .signature(Signature.of(DOUBLE, "x", NUMERIC, "divisor", DOUBLE))
        .description("A σ estimate insensitive to outliers, as AEC-Q001 uses for PAT limits.")
        .definition("IQR / divisor, divisor = 1.35 by default (AEC-Q001)")
        .conventions(QuantileFunctions.TYPE7 + "A NULL, zero or negative divisor uses 1.35. Quantised data can "
            + "give IQR = 0 and so ROBUST_SIGMA = 0. " + QuantileFunctions.EXACT)
        .example(Example.aggregate("ROBUST_SIGMA(x) over 1..9", ExampleData.ONE_TO_NINE, 2.962963))
        .example(Example.aggregate("ROBUST_SIGMA(x, 1.34898) over 1..9", ExampleData.ONE_TO_NINE,
            2.965203, 1.34898))
        .build();
    return SortedValuesAggregate.create(md, 1, (s, n, c) -> Quantiles.iqr(s, n) / divisor(c[0]));
  }

  static double divisor(double requested) {
    return requested > 0 ? requested : Quantiles.AEC_IQR_DIVISOR;
  }

  private static AggregateFunction<?> mad() {
    FunctionMetadata md = FunctionMetadata.builder("MAD", FunctionKind.AGGREGATE)
        .signature(Signature.of(DOUBLE, "x", NUMERIC))
        .description("Median absolute deviation scaled to estimate σ for normal data (R's mad).")
        .definition("1.4826 · median(|x − median(x)|)")
        .conventions("Medians are type 7. " + QuantileFunctions.EXACT)
        .example(Example.aggregate("MAD(x) over 1..9 (R: mad(1:9))", ExampleData.ONE_TO_NINE, 2.9652))
        .build();
    return SortedValuesAggregate.create(md, 0, (s, n, c) -> Quantiles.MAD_SCALE * Quantiles.madRaw(s, n));
  }

  private static AggregateFunction<?> madRaw() {
    FunctionMetadata md = FunctionMetadata.builder("MAD_RAW", FunctionKind.AGGREGATE)
        .signature(Signature.of(DOUBLE, "x", NUMERIC))
        .description("Unscaled median absolute deviation, the denominator of MODIFIED_Z.")
        .definition("median(|x − median(x)|)")
        .conventions("Medians are type 7. " + QuantileFunctions.EXACT)
        .example(Example.aggregate("MAD_RAW(x) over 1, 1, 2, 2, 4, 6, 9", new double[] {1, 1, 2, 2, 4, 6, 9}, 1.0))
        .build();
    return SortedValuesAggregate.create(md, 0, (s, n, c) -> Quantiles.madRaw(s, n));
  }
}
