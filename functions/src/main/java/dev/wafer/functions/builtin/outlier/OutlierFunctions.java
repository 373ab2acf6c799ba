package dev.wafer.functions.builtin.outlier;

import static dev.wafer.functions.SqlType.BOOLEAN;
import static dev.wafer.functions.SqlType.DOUBLE;
import static dev.wafer.functions.SqlType.NUMERIC;

import dev.wafer.functions.Arguments;
import dev.wafer.functions.Example;
import dev.wafer.functions.FunctionKind;
import dev.wafer.functions.FunctionMetadata;
import dev.wafer.functions.NullHandling;
import dev.wafer.functions.ScalarFunction;
import dev.wafer.functions.Signature;
import java.util.List;

/** The scalar outlier flags: ZSCORE, ZSCORE_OUTLIER, MODIFIED_Z, MODIFIED_Z_OUTLIER. */
public final class OutlierFunctions {
  private static final String POPULATION = "Pass the population's statistics, e.g. "
      + "AVG(x) OVER (PARTITION BY test) and STDDEV_SAMP(x) OVER (PARTITION BY test), or a joined subquery: "
      + "never statistics of a partition or file. Any NULL argument → NULL. ";

  private OutlierFunctions() {}

  public static List<ScalarFunction> all() {
    return List.of(zscore(), zscoreOutlier(), modifiedZ(), modifiedZOutlier());
  }

  private static FunctionMetadata.Builder scalar(String name) {
    return FunctionMetadata.builder(name, FunctionKind.SCALAR).nullHandling(NullHandling.RECEIVES_NULLS);
  }

  private static boolean anyNull(Arguments a, int n) {
    for (int i = 0; i < n; i++) {
      if (a.isNull(i)) {
        return true;
      }
    }
    return false;
  }

  private static ScalarFunction zscore() {
    FunctionMetadata md = scalar("ZSCORE")
        .signature(Signature.of(DOUBLE, "x", NUMERIC, "mean", DOUBLE, "sd", DOUBLE))
        .description("Standard score of a part against the population mean and σ.")
        .definition("(x − mean) / sd")
        .conventions(POPULATION + "sd = 0 → ±Infinity (NULL when x = mean); negative sd → NULL.")
        .example(Example.scalar("ZSCORE(13, 10, 2)", 1.5, 13.0, 10.0, 2.0))
        .build();
    return ScalarFunction.of(md, a -> anyNull(a, 3) ? null
        : Outliers.zscore(a.getDouble(0), a.getDouble(1), a.getDouble(2)));
  }

  private static ScalarFunction zscoreOutlier() {
    FunctionMetadata md = scalar("ZSCORE_OUTLIER")
        .signature(Signature.of(BOOLEAN, "x", NUMERIC, "mean", DOUBLE, "sd", DOUBLE, "k", DOUBLE))
        .description("Flags a part more than k population σ from the population mean.")
        .definition("|x − mean| > k · sd")
        .conventions(POPULATION + "sd = 0 flags every part different from the mean.")
        .example(Example.scalar("ZSCORE_OUTLIER(17, 10, 2, 3)", true, 17.0, 10.0, 2.0, 3.0))
        .example(Example.scalar("ZSCORE_OUTLIER(15, 10, 2, 3)", false, 15.0, 10.0, 2.0, 3.0))
        .build();
    return ScalarFunction.of(md, a -> anyNull(a, 4) ? null
        : Outliers.isZscoreOutlier(a.getDouble(0), a.getDouble(1), a.getDouble(2), a.getDouble(3)));
  }

  private static ScalarFunction modifiedZ() {
    FunctionMetadata md = scalar("MODIFIED_Z")
        .signature(Signature.of(DOUBLE, "x", NUMERIC, "median", DOUBLE, "mad_raw", DOUBLE))
        .description("Iglewicz–Hoaglin modified z-score: a robust standard score.")
        .definition("0.6745 · (x − median) / MAD_raw, MAD_raw = median(|x − median|) (see MAD_RAW)")
        .conventions(POPULATION + "Flag |M| > 3.5 (MODIFIED_Z_OUTLIER). MAD_raw = 0 → ±Infinity "
            + "(NULL when x = median); negative MAD_raw → NULL.")
        .example(Example.scalar("MODIFIED_Z(9, 2, 1)", 4.7215, 9.0, 2.0, 1.0))
        .build();
    return ScalarFunction.of(md, a -> anyNull(a, 3) ? null
        : Outliers.modifiedZ(a.getDouble(0), a.getDouble(1), a.getDouble(2)));
  }

  private static ScalarFunction modifiedZOutlier() {
    FunctionMetadata md = scalar("MODIFIED_Z_OUTLIER")
        .signature(Signature.of(BOOLEAN, "x", NUMERIC, "median", DOUBLE, "mad_raw", DOUBLE))
        .signature(Signature.of(BOOLEAN, "x", NUMERIC, "median", DOUBLE, "mad_raw", DOUBLE, "threshold", DOUBLE))
        .description("Flags a part whose modified z-score exceeds the threshold (3.5 by default).")
        .definition("|0.6745 · (x − median) / MAD_raw| > threshold")
        .conventions(POPULATION + "A NULL threshold uses 3.5. MAD_raw = 0 flags every part different "
            + "from the median.")
        .example(Example.scalar("MODIFIED_Z_OUTLIER(9, 2, 1)", true, 9.0, 2.0, 1.0))
        .example(Example.scalar("MODIFIED_Z_OUTLIER(6, 2, 1)", false, 6.0, 2.0, 1.0))
        .build();
    return ScalarFunction.of(md, a -> anyNull(a, 3) ? null
        : Outliers.isModifiedZOutlier(a.getDouble(0), a.getDouble(1), a.getDouble(2),
            a.getDoubleOr(3, Outliers.MODIFIED_Z_THRESHOLD)));
  }
}
