package dev.wafer.functions.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.functions.FunctionRegistry;
import dev.wafer.functions.ObjectArrayArguments;
import dev.wafer.functions.testing.ArrowTest;
import dev.wafer.functions.testing.Run;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The documented edge cases (σ = 0, missing and infinite limits, n &lt; 2, all NULL, NaN, bad
 * parameters) give the documented value on both paths and never throw.
 */
class EdgeCasesTest extends ArrowTest {
  private static final FunctionRegistry REGISTRY = FunctionRegistry.classpath();
  private static final double INF = Double.POSITIVE_INFINITY;
  private Object agg(String name, Double[] xs, Object... constants) {
    return Run.bothPaths(allocator, REGISTRY.aggregate(name).orElseThrow(), Run.rowsOf(xs, constants));
  }

  private static Double[] xs(double... values) {
    return Arrays.stream(values).boxed().toArray(Double[]::new);
  }

  @Test
  void sigmaZeroGivesSignedInfinityOrNullOnTheLimit() {
    Double[] constant = xs(10, 10, 10);
    assertThat(agg("CPK", constant, 9.0, 11.0)).isEqualTo(INF);
    assertThat(agg("CP", constant, 9.0, 11.0)).isEqualTo(INF);
    assertThat(agg("CPU", constant, 9.0)).as("mean above USL").isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(agg("CPK", constant, 10.0, 11.0)).as("mean on the LSL").isNull();
    assertThat(agg("CPK_ROBUST", constant, 9.0, 11.0)).isEqualTo(INF);
  }

  @Test
  void fewerThanTwoValuesOrAllNullGiveNull() {
    for (String name : List.of("CP", "CPK", "PP", "PPK", "CPK_ROBUST")) {
      assertThat(agg(name, xs(10), 9.0, 11.0)).as(name + " n = 1").isNull();
      assertThat(agg(name, new Double[] {null, null}, 9.0, 11.0)).as(name + " all NULL").isNull();
    }
    for (String name : List.of("MEDIAN", "IQR", "MAD", "MAD_RAW", "ROBUST_SIGMA")) {
      assertThat(agg(name, new Double[] {null, null})).as(name + " all NULL").isNull();
    }
    assertThat(agg("MEDIAN", xs(7))).isEqualTo(7.0);
    assertThat(agg("APPROX_COUNT_DISTINCT", new Double[] {null})).isEqualTo(0L);
    assertThat(agg("APPROX_PERCENTILE", new Double[] {null}, 0.5)).isNull();
  }

  @Test
  void infiniteOrMissingLimitsMeanNoLimit() {
    Double[] x = xs(9, 10, 11);
    assertThat(agg("CP", x, Double.NEGATIVE_INFINITY, 12.0)).isNull();
    assertThat(agg("CPU", x, INF)).isNull();
    assertThat(agg("CPL", x, new Object[] {null})).isNull();
    assertThat(agg("CPK", x, Double.NEGATIVE_INFINITY, INF)).isNull();
    assertThat((Double) agg("PAT_LO", x, Double.NEGATIVE_INFINITY, INF)).isLessThan(9);
    assertThat((Double) agg("CPK_ROBUST", x, null, 13.0)).isPositive();
  }

  @Test
  void nanMeasurementsAreIgnoredLikeNull() {
    assertThat(agg("MEDIAN", xs(1, Double.NaN, 3))).isEqualTo(2.0);
    assertThat(agg("CPK", xs(9, Double.NaN, 11), 6.0, 14.0)).isEqualTo(agg("CPK", xs(9, 11), 6.0, 14.0));
  }

  @Test
  void quantisedDataUsesThePatFallback() {
    // IQR = 0 (8 of 10 parts equal): RS falls back to the sample σ, sqrt(2/9).
    Double[] quantised = xs(5, 5, 5, 5, 5, 5, 5, 5, 6, 4);
    assertThat(agg("IQR", quantised)).isEqualTo(0.0);
    assertThat((Double) agg("PAT_LO", quantised, null, null)).isCloseTo(5 - 6 * Math.sqrt(2.0 / 9),
        org.assertj.core.data.Offset.offset(1e-12));
    assertThat((Double) agg("PAT_HI", quantised, null, 6.0)).as("clamped to USL").isEqualTo(6.0);
    // All equal: σ = 0 too, so both limits are the median.
    assertThat(agg("PAT_LO", xs(5, 5, 5), null, null)).isEqualTo(5.0);
    assertThat(agg("PAT_HI", xs(5, 5, 5), null, null)).isEqualTo(5.0);
  }

  @Test
  void badParametersGiveNull() {
    Double[] x = xs(1, 2, 3);
    assertThat(agg("PERCENTILE", x, 1.5)).isNull();
    assertThat(agg("PERCENTILE", x, new Object[] {null})).isNull();
    assertThat(agg("PERCENTILE", x, 0.5, 5L)).as("unsupported type").isNull();
    assertThat(agg("APPROX_PERCENTILE", x, -0.1)).isNull();
    assertThat(agg("ROBUST_SIGMA", x, 0.0)).as("zero divisor uses 1.35").isEqualTo(agg("ROBUST_SIGMA", x));
  }

  @Test
  void scalarsTreatNullAndZeroScaleAsDocumented() {
    var args = new ObjectArrayArguments();
    var zscore = REGISTRY.scalar("ZSCORE").orElseThrow();
    assertThat(zscore.apply(args.wrap(1.0, null, 2.0))).isNull();
    assertThat(zscore.apply(args.wrap(3.0, 1.0, 0.0))).isEqualTo(INF);
    assertThat(zscore.apply(args.wrap(1.0, 1.0, 0.0))).isNull();
    var flag = REGISTRY.scalar("ZSCORE_OUTLIER").orElseThrow();
    assertThat(flag.apply(args.wrap(1.5, 1.0, 0.0, 3.0))).isEqualTo(true);
    var modified = REGISTRY.scalar("MODIFIED_Z_OUTLIER").orElseThrow();
    assertThat(modified.apply(args.wrap(6.0, 2.0, 1.0, 2.0))).as("explicit threshold").isEqualTo(true);
  }

  @Test
  void runningFunctionsSkipNullRowsAndWaitForParameters() {
    var ewma = REGISTRY.running("EWMA").orElseThrow().newState();
    var args = new ObjectArrayArguments();
    assertThat(ewma.next(args.wrap(9.45, null, 0.1))).as("no mu0 yet").isNull();
    assertThat(ewma.next(args.wrap(null, 10.0, 0.1))).as("NULL x").isNull();
    assertThat((Double) ewma.next(args.wrap(9.45, 10.0, 0.1))).isEqualTo(0.1 * 9.45 + 0.9 * 10);
    var bad = REGISTRY.running("EWMA").orElseThrow().newState();
    assertThat(bad.next(args.wrap(9.45, 10.0, 1.5))).as("lambda outside (0, 1]").isNull();
  }
}
