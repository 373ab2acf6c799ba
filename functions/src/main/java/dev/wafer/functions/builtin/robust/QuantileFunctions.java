package dev.wafer.functions.builtin.robust;

import static dev.wafer.functions.SqlType.BIGINT;
import static dev.wafer.functions.SqlType.DOUBLE;
import static dev.wafer.functions.SqlType.NUMERIC;

import dev.wafer.functions.AggregateFunction;
import dev.wafer.functions.Example;
import dev.wafer.functions.FunctionKind;
import dev.wafer.functions.FunctionMetadata;
import dev.wafer.functions.Signature;
import dev.wafer.functions.builtin.ExampleData;
import java.util.List;

/** Exact quantiles: MEDIAN, PERCENTILE (type 7, optionally type 6) and IQR. */
public final class QuantileFunctions {
  static final String EXACT = "Exact: the group's non-NULL values are kept (8 bytes each) and sorted "
      + "once; for very large groups use APPROX_PERCENTILE. NULL and NaN x are ignored; no value → NULL. ";
  static final String TYPE7 = "Quantiles are Hyndman–Fan type 7 (h = (n−1)p, linear interpolation; "
      + "the default of R, NumPy and Excel PERCENTILE.INC). ";

  private QuantileFunctions() {}

  public static List<AggregateFunction<?>> all() {
    return List.of(median(), percentile(), iqr());
  }

  private static AggregateFunction<?> median() {
    FunctionMetadata md = FunctionMetadata.builder("MEDIAN", FunctionKind.AGGREGATE)
        .signature(Signature.of(DOUBLE, "x", NUMERIC))
        .description("The middle value of the group.")
        .definition("type-7 quantile at p = 0.5 (the mean of the two middle values when n is even)")
        .conventions(TYPE7 + EXACT)
        .example(Example.aggregate("MEDIAN(x) over 1..9", ExampleData.ONE_TO_NINE, 5.0))
        .example(Example.aggregate("MEDIAN(x) over 1, 2, 3, 4", new double[] {1, 2, 3, 4}, 2.5))
        .build();
    return SortedValuesAggregate.create(md, 0, (s, n, c) -> Quantiles.median(s, n));
  }

  private static AggregateFunction<?> percentile() {
    FunctionMetadata md = FunctionMetadata.builder("PERCENTILE", FunctionKind.AGGREGATE)
        .aliases("QUANTILE")
        .signature(Signature.of(DOUBLE, "x", NUMERIC, "p", DOUBLE))
        .signature(Signature.of(DOUBLE, "x", NUMERIC, "p", DOUBLE, "type", BIGINT))
        .description("The p-quantile of the group, p a fraction in [0, 1].")
        .definition("type 7: h = (n−1)p, x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) over the sorted values (0-based); "
            + "type 6: h = (n+1)p − 1, clamped to the first and last value")
        .conventions(TYPE7 + "type = 6 selects Hyndman–Fan type 6 (Minitab's quartiles); any other type, "
            + "or p NULL or outside [0, 1], gives NULL. p is a per-group constant. " + EXACT)
        .example(Example.aggregate("PERCENTILE(x, 0.25) over 1..9", ExampleData.ONE_TO_NINE, 3.0, 0.25))
        .example(Example.aggregate("PERCENTILE(x, 0.75, 6) over 1..9", ExampleData.ONE_TO_NINE, 7.5, 0.75, 6L))
        .build();
    return SortedValuesAggregate.create(md, 2, QuantileFunctions::percentile);
  }

  private static Double percentile(double[] sorted, int n, double[] c) {
    double p = c[0];
    double type = Double.isNaN(c[1]) ? 7 : c[1];
    if (!(p >= 0 && p <= 1)) {
      return null;
    }
    if (type == 7) {
      return Quantiles.type7(sorted, n, p);
    }
    return type == 6 ? Quantiles.type6(sorted, n, p) : null;
  }

  private static AggregateFunction<?> iqr() {
    FunctionMetadata md = FunctionMetadata.builder("IQR", FunctionKind.AGGREGATE)
        .signature(Signature.of(DOUBLE, "x", NUMERIC))
        .description("Interquartile range: the spread of the middle half of the group.")
        .definition("Q3 − Q1 (type-7 quartiles)")
        .conventions(TYPE7 + EXACT)
        .example(Example.aggregate("IQR(x) over 1..9 (Q1 = 3, Q3 = 7)", ExampleData.ONE_TO_NINE, 4.0))
        .build();
    return SortedValuesAggregate.create(md, 0, (s, n, c) -> Quantiles.iqr(s, n));
  }
}
