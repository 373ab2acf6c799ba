package dev.wafer.functions.builtin.robust;

import static dev.wafer.functions.SqlType.DOUBLE;
import static dev.wafer.functions.SqlType.NUMERIC;
import static dev.wafer.functions.vector.GroupConstants.isLimit;

import dev.wafer.functions.AggregateFunction;
import dev.wafer.functions.Example;
import dev.wafer.functions.FunctionKind;
import dev.wafer.functions.FunctionMetadata;
import dev.wafer.functions.Signature;
import dev.wafer.functions.builtin.ExampleData;
import dev.wafer.functions.builtin.capability.CapabilityMath;
import java.util.List;

/** Part Average Testing limits (AEC-Q001 Rev-D) and the quantile-based CPK_ROBUST. */
public final class PatFunctions {
  /** Default PAT multiplier k (AEC-Q001: median ± 6 robust sigma). */
  public static final double DEFAULT_K = 6;

  private static final String PAT_CONVENTIONS = "RS = IQR/1.35 with type-7 quartiles. Guard for "
      + "quantised data: when IQR = 0 (over half the parts share one value; MAD is then 0 as well) RS falls "
      + "back to the sample σ (n−1) of the group; when that is 0 too (all values equal), both limits are "
      + "the median (clamped). "
      + "k is a per-group constant (NULL, zero or negative → 6). A NULL or ±Infinity limit leaves "
      + "that side unclamped. Static PAT: compute over a reference population; dynamic PAT: GROUP BY "
      + "lot or wafer over passing parts. " + QuantileFunctions.EXACT;

  private PatFunctions() {}

  public static List<AggregateFunction<?>> all() {
    return List.of(patLo(), patHi(), cpkRobust());
  }

  /**
   * AEC-Q001 robust sigma with the documented fallback for IQR = 0. MAD cannot serve as the
   * fallback: IQR = 0 means over half the values are equal, so MAD is 0 too.
   */
  static double patSigma(double[] sorted, int n) {
    double rs = Quantiles.iqr(sorted, n) / Quantiles.AEC_IQR_DIVISOR;
    return rs > 0 ? rs : sampleStddev(sorted, n);
  }

  /** Two-pass sample σ; 0 for fewer than two values. */
  private static double sampleStddev(double[] x, int n) {
    if (n < 2) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += x[i];
    }
    double mean = sum / n;
    double ss = 0;
    for (int i = 0; i < n; i++) {
      ss += (x[i] - mean) * (x[i] - mean);
    }
    return Math.sqrt(ss / (n - 1));
  }

  private static double k(double requested) {
    return requested > 0 ? requested : DEFAULT_K;
  }

  private static FunctionMetadata.Builder patMetadata(String name, String description, String definition) {
    return FunctionMetadata.builder(name, FunctionKind.AGGREGATE)
        .signature(Signature.of(DOUBLE, "x", NUMERIC, "lsl", DOUBLE, "usl", DOUBLE))
        .signature(Signature.of(DOUBLE, "x", NUMERIC, "lsl", DOUBLE, "usl", DOUBLE, "k", DOUBLE))
        .description(description)
        .definition(definition)
        .conventions(PAT_CONVENTIONS);
  }

  private static AggregateFunction<?> patLo() {
    FunctionMetadata md = patMetadata("PAT_LO", "Lower PAT outlier limit (AEC-Q001 Rev-D).",
        "max(LSL, Q2 − k·RS), RS = IQR/1.35, k = 6 by default")
        .example(Example.aggregate("PAT_LO(x, NULL, NULL) over 1..9 (unclamped)", ExampleData.ONE_TO_NINE,
            -12.777778, null, null))
        .example(Example.aggregate("PAT_LO(x, 0, 20) over 1..9 (clamped to LSL)", ExampleData.ONE_TO_NINE,
            0.0, 0.0, 20.0))
        .build();
    return SortedValuesAggregate.create(md, 3, (s, n, c) -> {
      double lo = Quantiles.median(s, n) - k(c[2]) * patSigma(s, n);
      return isLimit(c[0]) ? Math.max(c[0], lo) : lo;
    });
  }

  private static AggregateFunction<?> patHi() {
    FunctionMetadata md = patMetadata("PAT_HI", "Upper PAT outlier limit (AEC-Q001 Rev-D).",
        "min(USL, Q2 + k·RS), RS = IQR/1.35, k = 6 by default")
        .example(Example.aggregate("PAT_HI(x, NULL, NULL) over 1..9 (unclamped)", ExampleData.ONE_TO_NINE,
            22.777778, null, null))
        .example(Example.aggregate("PAT_HI(x, 0, 20, 3) over 1..9 (k = 3: 5 + 3·2.962963)",
            ExampleData.ONE_TO_NINE, 13.888889, 0.0, 20.0, 3.0))
        .build();
    return SortedValuesAggregate.create(md, 3, (s, n, c) -> {
      double hi = Quantiles.median(s, n) + k(c[2]) * patSigma(s, n);
      return isLimit(c[1]) ? Math.min(c[1], hi) : hi;
    });
  }

  private static AggregateFunction<?> cpkRobust() {
    FunctionMetadata md = FunctionMetadata.builder("CPK_ROBUST", FunctionKind.AGGREGATE)
        .signature(Signature.of(DOUBLE, "x", NUMERIC, "lsl", DOUBLE, "usl", DOUBLE))
        .description("Cpk with the median for the mean and IQR/1.34898 (normal-consistent) for σ.")
        .definition("min((Q2 − LSL), (USL − Q2)) / (3 · IQR/1.34898); with one limit, that side; NULL with none")
        .conventions(QuantileFunctions.TYPE7 + "n < 2 → NULL. IQR = 0 → +Infinity when the median is strictly "
            + "inside the limit, −Infinity outside, NULL on it (no MAD fallback: the index says the spread "
            + "is below the data's resolution). A NULL or ±Infinity limit means no limit on that side. "
            + QuantileFunctions.EXACT)
        .example(Example.aggregate("CPK_ROBUST(x, 9.8, 10.2) over the 25 values of MATLAB Answers #2037551 "
            + "(Q2 = 10.0, IQR = 0.1)", ExampleData.MATLAB_25, 0.89932, 9.8, 10.2))
        .build();
    return SortedValuesAggregate.create(md, 2, PatFunctions::cpkRobust);
  }

  private static Double cpkRobust(double[] sorted, int n, double[] c) {
    if (n < 2) {
      return null;
    }
    double q2 = Quantiles.median(sorted, n);
    double threeSigma = 3 * Quantiles.iqr(sorted, n) / Quantiles.NORMAL_IQR;
    return CapabilityMath.nearerSide(CapabilityMath.ratio(q2 - c[0], threeSigma), isLimit(c[0]),
        CapabilityMath.ratio(c[1] - q2, threeSigma), isLimit(c[1]));
  }
}
