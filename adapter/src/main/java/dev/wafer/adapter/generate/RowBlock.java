package dev.wafer.adapter.generate;

/**
 * The random content of one fixed block of {@link #ROWS} consecutive rows: device, tester, site,
 * test, measured value and test time. Everything else in a row is a function of these and of the
 * row index (see {@link BatchFiller}).
 *
 * <p>A block is filled from its own {@link SplitMix64} stream seeded by (seed, block index), so
 * its content never depends on the batch size a caller asks for, on other blocks or on which
 * thread fills it; changing {@link #ROWS} changes the data. The arrays are reused from block to
 * block: filling allocates nothing but the generator.
 */
final class RowBlock {
  /** Rows per block; part of the determinism contract. */
  static final int ROWS = 65_536;

  private static final double MEAN = 100.0;
  private static final double SIGMA = 10.0;
  private static final double TIME_MEAN = 50.0;
  private static final double TIME_SIGMA = 10.0;
  /** Floor of test_time_ms: a normal tail below it (p ≈ 5e-7) would be a negative time. */
  static final double MIN_TEST_TIME_MS = 1.0;

  final int[] device = new int[ROWS];
  /** tester (bits 0–2), site (bits 3–4) and test index (bits 5–6) of each row. */
  final byte[] code = new byte[ROWS];
  final double[] value = new double[ROWS];
  final double[] testTime = new double[ROWS];

  long index = -1;
  long firstRow;
  int rows;

  static int tester(byte code) {
    return code & 7;
  }

  static int site(byte code) {
    return (code >>> 3) & 3;
  }

  static int test(byte code) {
    return (code >>> 5) & 3;
  }

  /**
   * Fills this block with block {@code blockIndex} of a table of {@code totalRows} rows.
   *
   * @throws IllegalArgumentException when the block lies outside the table
   */
  void fill(long seed, long blockIndex, long totalRows) {
    long first = blockIndex * ROWS;
    if (blockIndex < 0 || first >= totalRows) {
      throw new IllegalArgumentException("block " + blockIndex + " is outside " + totalRows + " rows");
    }
    int n = (int) Math.min(ROWS, totalRows - first);
    SplitMix64 random = SplitMix64.forBlock(seed, blockIndex);
    // The drift is a fraction of the whole time range, so the tester ends 2 sigma high whatever
    // the row count.
    double driftPerRow = totalRows > 1 ? Anomalies.FREQ_DRIFT / (totalRows - 1) : 0.0;
    for (int i = 0; i < n; i++) {
      long bits = random.nextLong();
      int dev = SplitMix64.bounded(bits, WaferMap.DEVICES);
      // 128 = 8 testers x 4 sites x 4 tests: the low 7 bits pick all three uniformly.
      byte c = (byte) (bits & 127);
      // Marsaglia's polar method: one accepted pair gives the value's and the time's normals.
      double u;
      double v;
      double s;
      do {
        u = 2.0 * random.nextDouble() - 1.0;
        v = 2.0 * random.nextDouble() - 1.0;
        s = u * u + v * v;
      } while (s >= 1.0 || s == 0.0);
      // StrictMath: the same bits on every JVM and CPU, unlike Math.log's intrinsics.
      double f = Math.sqrt(-2.0 * StrictMath.log(s) / s);
      double x = MEAN + SIGMA * (u * f);
      int test = test(c);
      if (test == Anomalies.IDD_TEST && WaferMap.waferOf(dev) == Anomalies.BAD_WAFER) {
        x += Anomalies.IDD_SHIFT;
      } else if (test == Anomalies.FREQ_TEST && tester(c) == Anomalies.DRIFT_TESTER) {
        x += driftPerRow * (first + i);
      }
      device[i] = dev;
      code[i] = c;
      value[i] = x;
      testTime[i] = Math.max(MIN_TEST_TIME_MS, TIME_MEAN + TIME_SIGMA * (v * f));
    }
    this.index = blockIndex;
    this.firstRow = first;
    this.rows = n;
  }
}
