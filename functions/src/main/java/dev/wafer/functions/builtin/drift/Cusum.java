package dev.wafer.functions.builtin.drift;

/**
 * Tabular CUSUM over one ordered stream: C⁺ᵢ = max(0, xᵢ − (μ₀ + K) + C⁺ᵢ₋₁),
 * C⁻ᵢ = max(0, (μ₀ − K) − xᵢ + C⁻ᵢ₋₁), C₀ = 0, K = kσ, a signal when either exceeds H = hσ.
 * Not thread-safe; one instance per partition.
 */
public final class Cusum {
  /** Usual reference value k (detects a 1σ shift fastest). */
  public static final double DEFAULT_K = 0.5;
  /** Usual decision interval h. */
  public static final double DEFAULT_H = 5;

  private final double mu0;
  private final double allowance;
  private final double decision;
  private double upper;
  private double lower;

  /**
   * @param mu0 the in-control mean μ₀
   * @param sigma the in-control σ
   * @param k the reference value in σ units
   * @param h the decision interval in σ units
   */
  public Cusum(double mu0, double sigma, double k, double h) {
    this.mu0 = mu0;
    this.allowance = k * sigma;
    this.decision = h * sigma;
  }

  /** Adds the next value. */
  public void add(double x) {
    upper = Math.max(0, x - (mu0 + allowance) + upper);
    lower = Math.max(0, (mu0 - allowance) - x + lower);
  }

  /** C⁺ᵢ: accumulated evidence of an upward shift. */
  public double upper() {
    return upper;
  }

  /** C⁻ᵢ: accumulated evidence of a downward shift. */
  public double lower() {
    return lower;
  }

  /** Whether C⁺ᵢ or C⁻ᵢ exceeds H. */
  public boolean signal() {
    return upper > decision || lower > decision;
  }
}
