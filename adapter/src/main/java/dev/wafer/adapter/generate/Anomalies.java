package dev.wafer.adapter.generate;

/**
 * The two faults injected into the generated data so that analyses have something to find.
 *
 * <ul>
 *   <li><b>Bad wafer</b>: on wafer {@value #BAD_WAFER_ID} every Idd reading is shifted up by
 *       1.5 sigma ({@value #IDD_SHIFT}); its Idd mean is 115 instead of 100, so about 31 % of its
 *       Idd readings exceed the 120 mA limit instead of about 2 %, and its yield drops.
 *   <li><b>Drifting tester</b>: on tester {@value #DRIFT_TESTER_ID} every Freq reading of row
 *       {@code i} (of {@code n}) is raised by {@value #FREQ_DRIFT} · i / (n − 1): zero at the
 *       first timestamp, +2 sigma at the last, linear in time in between.
 * </ul>
 */
public final class Anomalies {
  /** Zero-based index of the bad wafer. */
  public static final int BAD_WAFER = 16;
  public static final String BAD_WAFER_ID = "W017";
  /** Index of Idd in {@link TestSpec#ALL}. */
  public static final int IDD_TEST = 1;
  /** Shift of the bad wafer's Idd mean: 1.5 standard deviations of 10. */
  public static final double IDD_SHIFT = 15.0;

  /** Zero-based index of the drifting tester. */
  public static final int DRIFT_TESTER = 4;
  public static final String DRIFT_TESTER_ID = "T05";
  /** Index of Freq in {@link TestSpec#ALL}. */
  public static final int FREQ_TEST = 2;
  /** Rise of the drifting tester's Freq readings from the first to the last row: 2 sigma. */
  public static final double FREQ_DRIFT = 20.0;

  private Anomalies() {}
}
