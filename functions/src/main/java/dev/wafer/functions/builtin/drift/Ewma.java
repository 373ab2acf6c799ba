package dev.wafer.functions.builtin.drift;

/**
 * Exponentially weighted moving average chart over one ordered stream (one tester or site):
 * zᵢ = λxᵢ + (1−λ)zᵢ₋₁ with z₀ = μ₀, and the exact (time-varying) control limits
 * μ₀ ± Lσ·√(λ/(2−λ)·[1 − (1−λ)^(2i)]). Not thread-safe; one instance per partition.
 */
public final class Ewma {
  private final double mu0;
  private final double sigma;
  private final double lambda;
  private final double width;
  private double z;
  private int count;
  private double decay2i = 1; // (1−λ)^(2i), updated incrementally

  /**
   * @param mu0 the in-control mean μ₀
   * @param sigma the in-control σ
   * @param lambda the weight λ of the newest value, 0 < λ ≤ 1
   * @param width the limit width L in σ units (2.7 or 3 are usual)
   */
  public Ewma(double mu0, double sigma, double lambda, double width) {
    if (!(lambda > 0 && lambda <= 1)) {
      throw new IllegalArgumentException("EWMA lambda must be in (0, 1], got " + lambda);
    }
    this.mu0 = mu0;
    this.sigma = sigma;
    this.lambda = lambda;
    this.width = width;
    this.z = mu0;
  }

  /** Adds the next value and returns zᵢ. */
  public double add(double x) {
    z = lambda * x + (1 - lambda) * z;
    count++;
    decay2i *= (1 - lambda) * (1 - lambda);
    return z;
  }

  /** The current zᵢ (μ₀ before any value). */
  public double z() {
    return z;
  }

  /** Number of values added (i). */
  public int count() {
    return count;
  }

  /** Half-width of the limits at the current i. */
  public double halfWidth() {
    return width * sigma * Math.sqrt(lambda / (2 - lambda) * (1 - decay2i));
  }

  public double upperLimit() {
    return mu0 + halfWidth();
  }

  public double lowerLimit() {
    return mu0 - halfWidth();
  }

  /** Whether zᵢ lies outside the limits at the current i. */
  public boolean signal() {
    return z > upperLimit() || z < lowerLimit();
  }
}
