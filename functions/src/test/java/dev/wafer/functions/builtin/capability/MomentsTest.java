package dev.wafer.functions.builtin.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Moments against exact BigDecimal arithmetic on data with a large offset, where a naive
 * sum-of-squares variance loses every digit: the row (Welford), batch (two-pass) and merged
 * (Chan) paths must all keep the variance to 1e-9 relative.
 */
class MomentsTest {
  @Test
  void varianceSurvivesALargeOffsetOnEveryPath() {
    Random random = new Random(42);
    int n = 20_000;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 1e9 + random.nextGaussian();
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (double v : x) {
      sum = sum.add(new BigDecimal(v));
    }
    BigDecimal mean = sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128);
    BigDecimal ss = BigDecimal.ZERO;
    for (double v : x) {
      BigDecimal d = new BigDecimal(v).subtract(mean);
      ss = ss.add(d.multiply(d));
    }
    double exactVariance = ss.divide(BigDecimal.valueOf(n - 1), MathContext.DECIMAL128).doubleValue();

    Moments rows = new Moments();
    for (double v : x) {
      rows.add(v);
    }
    Moments batch = new Moments();
    batch.addAll(x, n);
    Moments merged = new Moments();
    int start = 0;
    while (start < n) {
      int len = Math.min(n - start, 1 + random.nextInt(3000));
      Moments part = new Moments();
      part.addAll(java.util.Arrays.copyOfRange(x, start, start + len), len);
      merged.merge(part);
      start += len;
    }
    String[] names = {"rows (Welford)", "batch (two-pass)", "merged (Chan)"};
    Moments[] paths = {rows, batch, merged};
    for (int p = 0; p < paths.length; p++) {
      Moments m = paths[p];
      assertThat(m.count()).isEqualTo(n);
      assertThat(m.mean()).isCloseTo(mean.doubleValue(), within(1e-14 * 1e9)); // a few ulps of 1e9
      assertThat(m.sampleVariance()).as(names[p]).isCloseTo(exactVariance, within(1e-9 * exactVariance));
    }
  }
}
