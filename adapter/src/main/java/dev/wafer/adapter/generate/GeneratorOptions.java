package dev.wafer.adapter.generate;

/**
 * What to generate and how: the seed and row count determine the rows; the batch size and
 * thread count change only how they are delivered.
 *
 * @param seed random seed; the same (seed, rows) always gives the same rows
 * @param rows number of rows (0 or more)
 * @param batchSize rows per record batch handed to the caller (the last may be shorter)
 * @param threads background threads generating ahead of the caller; 0 generates on the
 *     caller's thread
 */
public record GeneratorOptions(long seed, long rows, int batchSize, int threads) {
  public static final long DEFAULT_SEED = 42L;
  public static final long DEFAULT_ROWS = 1_000_000L;
  public static final int DEFAULT_BATCH_SIZE = 131_072;
  /** Largest batch size accepted: beyond it a batch's vectors approach Arrow's 2 GB buffer cap. */
  public static final int MAX_BATCH_SIZE = 1 << 22;

  public GeneratorOptions {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, got " + rows);
    }
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(
          "batchSize must be between 1 and " + MAX_BATCH_SIZE + ", got " + batchSize);
    }
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be >= 0, got " + threads);
    }
  }

  /**
   * The defaults: seed 42, 1,000,000 rows, batches of 131,072 rows, and one background thread
   * per core beyond the first (at least 1, at most 4), leaving a core to the consumer.
   */
  public static GeneratorOptions defaults() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new GeneratorOptions(DEFAULT_SEED, DEFAULT_ROWS, DEFAULT_BATCH_SIZE,
        Math.max(1, Math.min(4, cores - 1)));
  }

  public GeneratorOptions withSeed(long seed) {
    return new GeneratorOptions(seed, rows, batchSize, threads);
  }

  public GeneratorOptions withRows(long rows) {
    return new GeneratorOptions(seed, rows, batchSize, threads);
  }

  public GeneratorOptions withBatchSize(int batchSize) {
    return new GeneratorOptions(seed, rows, batchSize, threads);
  }

  public GeneratorOptions withThreads(int threads) {
    return new GeneratorOptions(seed, rows, batchSize, threads);
  }
}
