package dev.wafer.functions.builtin;

/** Small published data sets used by the functions' documented examples (and so by their tests). */
public final class ExampleData {
  /** The 25-value data set of MATLAB Answers #2037551 (LSL 9.8, USL 10.2; μ = 10.048, s = 0.129486). */
  public static final double[] MATLAB_25 = {10.1, 10.0, 9.9, 10.2, 10.0, 10.0, 10.1, 9.8, 10.2, 10.1, 10.3,
      10.0, 10.1, 9.9, 10.2, 10.0, 9.9, 10.1, 10.0, 10.2, 9.8, 10.1, 10.0, 10.2, 10.0};
  /** Mean 16 and sample σ 2 exactly: 12, 20 and seven 16s. */
  public static final double[] MEAN16_SIGMA2 = {12, 16, 16, 16, 16, 16, 16, 16, 20};
  /** 1, 2, …, 9: median 5, type-7 quartiles 3 and 7. */
  public static final double[] ONE_TO_NINE = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  /**
   * Montgomery's EWMA/CUSUM data set as printed in the IMSL EWMA documentation (μ₀ = 10, σ = 1);
   * the process shifts up around observation 20.
   */
  public static final double[] MONTGOMERY_30 = {9.45, 7.99, 9.29, 11.66, 12.16, 10.18, 8.04, 11.46, 9.20,
      10.34, 9.03, 11.47, 10.51, 9.40, 10.08, 9.37, 10.62, 10.31, 8.52, 10.84, 10.90, 9.33, 12.29, 11.50,
      10.60, 11.08, 10.38, 11.62, 11.31, 10.52};

  private ExampleData() {}
}
