package dev.wafer.functions.contract;

import java.util.Arrays;
import java.util.List;

/**
 * Straightforward reference statistics for the contract tests, written independently of the
 * library (textbook two-pass variance, R's 1-based type-7 formula) so a shared bug cannot hide.
 */
final class Reference {
  private Reference() {}

  /** The non-NULL, non-NaN first arguments. */
  static double[] xs(List<List<Object>> rows) {
    return rows.stream().map(r -> r.get(0)).filter(o -> o != null)
        .mapToDouble(o -> ((Number) o).doubleValue()).filter(d -> !Double.isNaN(d)).toArray();
  }

  /** The first non-NULL value of argument {@code column}, or NaN. */
  static double constant(List<List<Object>> rows, int column) {
    for (List<Object> r : rows) {
      if (r.size() > column && r.get(column) != null) {
        return ((Number) r.get(column)).doubleValue();
      }
    }
    return Double.NaN;
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  static double sampleSd(double[] x) {
    double m = mean(x);
    double ss = 0;
    for (double v : x) {
      ss += (v - m) * (v - m);
    }
    return Math.sqrt(ss / (x.length - 1));
  }

  /** R's quantile(type = 7) in its own 1-based form. */
  static double quantile7(double[] x, double p) {
    double[] s = x.clone();
    Arrays.sort(s);
    double h = (s.length - 1) * p + 1;
    int j = (int) Math.floor(h);
    if (j >= s.length) {
      return s[s.length - 1];
    }
    return s[j - 1] + (h - j) * (s[j] - s[j - 1]);
  }

  static double madRaw(double[] x) {
    double med = quantile7(x, 0.5);
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = Math.abs(x[i] - med);
    }
    return quantile7(d, 0.5);
  }

  /** AEC-Q001 robust sigma IQR/1.35, falling back to the sample σ when the IQR is 0. */
  static double patSigma(double[] x) {
    double rs = (quantile7(x, 0.75) - quantile7(x, 0.25)) / 1.35;
    return rs == 0 ? (x.length < 2 ? 0 : sampleSd(x)) : rs;
  }
}
