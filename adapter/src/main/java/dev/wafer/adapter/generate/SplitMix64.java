package dev.wafer.adapter.generate;

/**
 * Steele, Lea and Flood's SplitMix64 generator (the algorithm behind {@link
 * java.util.SplittableRandom}), written out here so that generated data depends on this code
 * alone, never on a JDK's choice of algorithms for {@code nextInt(bound)} or {@code
 * nextGaussian()}. Not thread-safe: one instance per block of rows.
 */
final class SplitMix64 {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  private long state;

  /** A generator for one block: the stream is a function of (seed, block) only. */
  static SplitMix64 forBlock(long seed, long block) {
    SplitMix64 r = new SplitMix64();
    r.state = mix64(seed ^ mix64(block * GOLDEN_GAMMA + GOLDEN_GAMMA));
    return r;
  }

  /** Stafford's "mix13" finalizer, as used by SplitMix64. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    state += GOLDEN_GAMMA;
    return mix64(state);
  }

  /** Uniform in [0, 1) with 53 random bits. */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /**
   * Uniform in [0, bound) from the high 32 bits of {@code bits} by multiply-shift (Lemire). The
   * bias is below bound / 2^32 (2.3e-6 for 10,000), far under any statistical check.
   */
  static int bounded(long bits, int bound) {
    return (int) (((bits >>> 32) * bound) >>> 32);
  }
}
