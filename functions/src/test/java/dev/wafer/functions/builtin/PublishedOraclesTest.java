package dev.wafer.functions.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wafer.functions.FunctionRegistry;
import dev.wafer.functions.builtin.capability.CapabilityMath;
import dev.wafer.functions.builtin.capability.Moments;
import dev.wafer.functions.builtin.drift.Cusum;
import dev.wafer.functions.builtin.drift.Ewma;
import dev.wafer.functions.testing.ArrowTest;
import dev.wafer.functions.testing.Run;
import org.junit.jupiter.api.Test;

/** Every oracle published in shared/functions.md, through the registered functions, within 1e-6. */
class PublishedOraclesTest extends ArrowTest {
  private static final double TOL = 1e-6;
  private static final FunctionRegistry REGISTRY = FunctionRegistry.classpath();
  private Double agg(String name, double[] xs, Object... constants) {
    Double[] boxed = java.util.Arrays.stream(xs).boxed().toArray(Double[]::new);
    return (Double) Run.bothPaths(allocator, REGISTRY.aggregate(name).orElseThrow(), Run.rowsOf(boxed, constants));
  }

  @Test
  void matlabAnswers2037551CapabilityUsesTheSampleSigma() {
    double[] x = ExampleData.MATLAB_25;
    Moments m = new Moments();
    m.addAll(x, x.length);
    assertThat(m.mean()).isCloseTo(10.048, within(TOL));
    assertThat(m.sampleStddev()).isCloseTo(0.129486, within(TOL));
    assertThat(agg("PPK", x, 9.8, 10.2)).isCloseTo(0.391290, within(TOL));
    assertThat(agg("CPK", x, 9.8, 10.2)).isCloseTo(0.391290, within(TOL));
    assertThat(agg("CP", x, 9.8, 10.2)).isCloseTo(0.514856, within(TOL));
    assertThat(agg("PP", x, 9.8, 10.2)).isCloseTo(0.514856, within(TOL));
    // The published contrast: with the population σ Ppk would be 0.399359.
    assertThat(CapabilityMath.cpk(m.count(), m.mean(), m.populationStddev(), 9.8, 10.2)).isCloseTo(0.399359, within(TOL));
  }

  @Test
  void mean16Sigma2() {
    double[] x = ExampleData.MEAN16_SIGMA2;
    assertThat(agg("CP", x, 8.0, 20.0)).isCloseTo(1.0, within(TOL));
    assertThat(agg("CPU", x, 20.0)).isCloseTo(4.0 / 6, within(TOL));
    assertThat(agg("CPL", x, 8.0)).isCloseTo(8.0 / 6, within(TOL));
    assertThat(agg("CPK", x, 8.0, 20.0)).isCloseTo(0.666667, within(TOL));
    assertThat(agg("CPK", x, null, 20.0)).as("USL only").isCloseTo(0.666667, within(TOL));
    assertThat(agg("CPK", x, 8.0, null)).as("LSL only").isCloseTo(1.333333, within(TOL));
    assertThat(agg("CPK", x, Double.NEGATIVE_INFINITY, 20.0)).as("-Infinity LSL = no limit").isCloseTo(0.666667, within(TOL));
    assertThat(agg("CPK", x, 8.0, Double.POSITIVE_INFINITY)).as("+Infinity USL = no limit").isCloseTo(1.333333, within(TOL));
    assertThat(agg("CPK", x, null, null)).as("no limit").isNull();
    assertThat(agg("CP", x, null, 20.0)).as("CP needs both limits").isNull();
  }

  @Test
  void oneToNineQuantilesAndPat() {
    double[] x = ExampleData.ONE_TO_NINE;
    assertThat(agg("MEDIAN", x)).isCloseTo(5, within(TOL));
    assertThat(agg("PERCENTILE", x, 0.25)).isCloseTo(3, within(TOL));
    assertThat(agg("PERCENTILE", x, 0.75)).isCloseTo(7, within(TOL));
    assertThat(agg("PERCENTILE", x, 0.25, 6L)).as("type 6").isCloseTo(2.5, within(TOL));
    assertThat(agg("PERCENTILE", x, 0.75, 6L)).as("type 6").isCloseTo(7.5, within(TOL));
    assertThat(agg("IQR", x)).isCloseTo(4, within(TOL));
    assertThat(agg("ROBUST_SIGMA", x)).isCloseTo(2.962963, within(TOL));
    assertThat(agg("PAT_LO", x, null, null)).isCloseTo(-12.777778, within(TOL));
    assertThat(agg("PAT_HI", x, null, null)).isCloseTo(22.777778, within(TOL));
    assertThat(agg("PAT_LO", x, -100.0, 100.0, 6.0)).as("explicit k = 6, wide limits").isCloseTo(-12.777778, within(TOL));
  }

  @Test
  void madMatchesR() {
    assertThat(agg("MAD", ExampleData.ONE_TO_NINE)).isCloseTo(2.9652, within(TOL));
    double[] skewed = {1, 1, 2, 2, 4, 6, 9};
    assertThat(agg("MEDIAN", skewed)).isCloseTo(2, within(TOL));
    assertThat(agg("MAD_RAW", skewed)).isCloseTo(1, within(TOL));
  }

  @Test
  void cusumOnMontgomeryData() {
    double[] expectedUpper = {0.34, 0.74, 0, 1.79, 2.79, 2.89, 3.47, 3.35, 4.47, 5.28, 5.30};
    Cusum cusum = new Cusum(10, 1, 0.5, 5);
    int firstSignal = -1;
    double[] x = ExampleData.MONTGOMERY_30;
    for (int i = 1; i <= x.length; i++) {
      cusum.add(x[i - 1]);
      if (i >= 20) {
        assertThat(cusum.upper()).as("C+ at i = " + i).isCloseTo(expectedUpper[i - 20], within(TOL));
      }
      if (firstSignal < 0 && cusum.signal()) {
        firstSignal = i;
      }
    }
    assertThat(firstSignal).isEqualTo(29);
  }

  @Test
  void ewmaOnMontgomeryData() {
    Ewma ewma = new Ewma(10, 1, 0.1, 2.7);
    double[] x = ExampleData.MONTGOMERY_30;
    ewma.add(x[0]);
    assertThat(ewma.z()).isCloseTo(9.945, within(TOL));
    assertThat(ewma.lowerLimit()).isCloseTo(9.7300, within(TOL));
    assertThat(ewma.upperLimit()).isCloseTo(10.2700, within(TOL));
    int firstSignal = ewma.signal() ? 1 : -1;
    for (int i = 2; i <= x.length && firstSignal < 0; i++) {
      ewma.add(x[i - 1]);
      if (ewma.signal()) {
        firstSignal = i;
      }
    }
    assertThat(firstSignal).isEqualTo(29);
    // Printed to four decimals in the source, so compared to half a unit in the fourth.
    assertThat(ewma.z()).isCloseTo(10.6468, within(5e-5));
    assertThat(ewma.upperLimit()).isCloseTo(10.6187, within(5e-5));
  }
}
