package dev.wafer.adapter.generate;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The specification of one parametric test: its number, name, limits, units and the bins a
 * failing die is sorted into. The generator's {@code test_results} rows and the {@code specs}
 * table both come from {@link #ALL}, so they always agree.
 *
 * @param testNum test number (1000–1003)
 * @param testName test name
 * @param loLimit lowest passing value (inclusive)
 * @param hiLimit highest passing value (inclusive)
 * @param units units of the measured value
 * @param failHardBin hard bin of a die failing this test (1 is the pass bin)
 * @param lowSoftBin soft bin of a die below {@code loLimit}
 * @param highSoftBin soft bin of a die above {@code hiLimit}
 */
public record TestSpec(
    int testNum,
    String testName,
    double loLimit,
    double hiLimit,
    String units,
    int failHardBin,
    int lowSoftBin,
    int highSoftBin) {

  /** Hard and soft bin of a passing die. */
  public static final int PASS_BIN = 1;

  /**
   * The four tests, in test-number order; a row's test index (0–3) indexes this list. Every test
   * measures N(100, 10) (the seed notebook's distribution); the limits sit about 2–2.5 sigma
   * from the mean so that 2–3 % of readings fail, asymmetrically for Idd, Freq and Power.
   */
  public static final List<TestSpec> ALL = List.of(
      new TestSpec(1000, "Vdd", 78.0, 122.0, "V", 2, 21, 22),
      new TestSpec(1001, "Idd", 75.0, 120.0, "mA", 3, 31, 32),
      new TestSpec(1002, "Freq", 80.0, 125.0, "MHz", 4, 41, 42),
      new TestSpec(1003, "Power", 70.0, 121.0, "mW", 5, 51, 52));

  public TestSpec {
    requireNonNull(testName, "testName");
    requireNonNull(units, "units");
    if (!(loLimit <= hiLimit)) {
      throw new IllegalArgumentException(testName + ": loLimit " + loLimit + " > hiLimit " + hiLimit);
    }
  }

  /** Whether a value lies within the limits (both inclusive). */
  public boolean passes(double value) {
    return loLimit <= value && value <= hiLimit;
  }

  /** Hard bin of a die with this value. */
  public int hardBin(double value) {
    return passes(value) ? PASS_BIN : failHardBin;
  }

  /** Soft bin of a die with this value: the pass bin, or the low or high fail bin. */
  public int softBin(double value) {
    if (passes(value)) {
      return PASS_BIN;
    }
    return value < loLimit ? lowSoftBin : highSoftBin;
  }
}
