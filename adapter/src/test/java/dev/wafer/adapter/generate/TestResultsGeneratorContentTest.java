package dev.wafer.adapter.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks every row of a 200,000-row run against the column descriptions, recomputing
 * each derived value independently of the generator's code, and the distributions and injected
 * anomalies statistically (tolerances of 5 or more standard errors).
 */
class TestResultsGeneratorContentTest {
  private static final int ROWS = 200_000;
  private static GeneratedRows r;

  @BeforeAll
  static void generate() throws Exception {
    r = GeneratedRows.generate(new GeneratorOptions(2024L, ROWS, 50_000, 1));
  }

  @Test
  void waferAndLotFollowFromTheDevice() {
    Set<String> devices = new HashSet<>();
    for (int i = 0; i < ROWS; i++) {
      assertThat(r.device[i]).matches("D\\d{5}");
      int number = Integer.parseInt(r.device[i].substring(1));
      assertThat(number).isBetween(1, 10_000);
      int wafer = (number - 1) / 200 + 1;
      assertThat(r.wafer[i]).isEqualTo(String.format(Locale.ROOT, "W%03d", wafer));
      assertThat(r.lot[i]).isEqualTo(wafer <= 25 ? "LOT01" : "LOT02");
      devices.add(r.device[i]);
    }
    // 20 rows per device on average: every one of the 10,000 devices appears.
    assertThat(devices).hasSize(10_000);
  }

  @Test
  void eachDeviceHasOneDiePositionUniqueOnItsRoundWafer() {
    Map<String, Integer> positionOfDevice = new HashMap<>();
    Map<String, Map<Integer, String>> deviceAtPosition = new HashMap<>();
    for (int i = 0; i < ROWS; i++) {
      int x = r.dieX[i];
      int y = r.dieY[i];
      assertThat(x).isBetween(0, 15);
      assertThat(y).isBetween(0, 15);
      // Inside a circle about the grid centre (7.5, 7.5): a round wafer, not a square one.
      double radius = Math.hypot(x - 7.5, y - 7.5);
      assertThat(radius).as("die (%d,%d)", x, y).isLessThan(8.5);
      int position = y * 16 + x;
      Integer previous = positionOfDevice.putIfAbsent(r.device[i], position);
      assertThat(previous == null || previous == position).as("device %s moved", r.device[i]).isTrue();
      String other = deviceAtPosition.computeIfAbsent(r.wafer[i], w -> new HashMap<>())
          .putIfAbsent(position, r.device[i]);
      assertThat(other == null || other.equals(r.device[i]))
          .as("%s and %s share a die on %s", other, r.device[i], r.wafer[i]).isTrue();
    }
    assertThat(deviceAtPosition).hasSize(50).allSatisfy((w, sites) -> assertThat(sites).hasSize(200));
    // The corners of the square grid are off the round wafer, and the wafer is symmetric.
    assertThat(positionOfDevice.values()).doesNotContain(0, 15, 15 * 16, 255);
    Set<Integer> sites = deviceAtPosition.get("W001").keySet();
    for (int p : sites) {
      int x = p % 16;
      int y = p / 16;
      assertThat(sites).contains(y * 16 + (15 - x), (15 - y) * 16 + x, x * 16 + y);
    }
  }

  @Test
  void testColumnsAgreeWithTheSpecsTable() throws Exception {
    Map<Integer, String> specs = readSpecs();
    assertThat(specs.keySet()).containsExactlyInAnyOrder(1000, 1001, 1002, 1003);
    for (int i = 0; i < ROWS; i++) {
      String row = r.testName[i] + "|" + r.lo[i] + "|" + r.hi[i] + "|" + r.units[i];
      assertThat(row).as("row %d", i).isEqualTo(specs.get(r.testNum[i]));
    }
  }

  @Test
  void passedAndBinsFollowFromValueAndLimits() {
    Map<Integer, Set<Integer>> failHardBins = new HashMap<>();
    Map<String, Set<Integer>> failSoftBins = new HashMap<>();
    for (int i = 0; i < ROWS; i++) {
      boolean within = r.lo[i] <= r.value[i] && r.value[i] <= r.hi[i];
      assertThat(r.passed[i]).as("row %d", i).isEqualTo(within);
      if (within) {
        assertThat(r.hardBin[i]).isEqualTo(1);
        assertThat(r.softBin[i]).isEqualTo(1);
      } else {
        failHardBins.computeIfAbsent(r.testNum[i], t -> new HashSet<>()).add(r.hardBin[i]);
        String side = r.testNum[i] + (r.value[i] < r.lo[i] ? " low" : " high");
        failSoftBins.computeIfAbsent(side, t -> new HashSet<>()).add(r.softBin[i]);
      }
    }
    // One fail hard bin per test, one soft bin per test and side; all distinct, none the pass bin.
    assertThat(failHardBins).hasSize(4).allSatisfy((t, bins) -> assertThat(bins).hasSize(1));
    assertThat(failSoftBins).hasSize(8).allSatisfy((t, bins) -> assertThat(bins).hasSize(1));
    Set<Integer> hard = new HashSet<>();
    failHardBins.values().forEach(hard::addAll);
    Set<Integer> soft = new HashSet<>();
    failSoftBins.values().forEach(soft::addAll);
    assertThat(hard).hasSize(4).doesNotContain(1);
    assertThat(soft).hasSize(8).doesNotContain(1);
  }

  @Test
  void timestampIsOneSecondPerRowFrom2024AndDateIsItsDay() {
    long start = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    for (int i = 0; i < ROWS; i++) {
      assertThat(r.ts[i]).isEqualTo(start + i * 1000L);
      LocalDate day = Instant.ofEpochMilli(r.ts[i]).atZone(ZoneOffset.UTC).toLocalDate();
      assertThat((long) r.testDate[i]).isEqualTo(day.toEpochDay());
    }
  }

  @Test
  void categoriesAreUniform() {
    Map<String, Integer> testers = new HashMap<>();
    Map<Integer, Integer> sites = new HashMap<>();
    Map<String, Integer> tests = new HashMap<>();
    Map<String, Integer> wafers = new HashMap<>();
    for (int i = 0; i < ROWS; i++) {
      testers.merge(r.tester[i], 1, Integer::sum);
      sites.merge(r.site[i], 1, Integer::sum);
      tests.merge(r.testName[i], 1, Integer::sum);
      wafers.merge(r.wafer[i], 1, Integer::sum);
    }
    assertThat(testers.keySet()).containsExactlyInAnyOrder("T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08");
    assertThat(sites.keySet()).containsExactlyInAnyOrder(0, 1, 2, 3);
    assertThat(tests.keySet()).containsExactlyInAnyOrder("Vdd", "Idd", "Freq", "Power");
    assertUniform(testers, 8);
    assertUniform(sites, 4);
    assertUniform(tests, 4);
    assertUniform(wafers, 50);
  }

  private static <K> void assertUniform(Map<K, Integer> counts, int categories) {
    double p = 1.0 / categories;
    double expected = ROWS * p;
    double sd = Math.sqrt(ROWS * p * (1 - p));
    assertThat(counts).hasSize(categories)
        .allSatisfy((k, n) -> assertThat((double) n).as("count of %s", k).isCloseTo(expected, within(5 * sd)));
  }

  @Test
  void valuesAndTimesAreNormalOutsideTheAnomalies() {
    Moments values = new Moments();
    Moments times = new Moments();
    long fails = 0;
    for (int i = 0; i < ROWS; i++) {
      times.add(r.testTime[i]);
      if (!isAnomalous(i)) {
        values.add(r.value[i]);
        fails += r.passed[i] ? 0 : 1;
      }
    }
    // Standard error of the mean is 10 / sqrt(~194,000) = 0.023; of the sd about 0.016.
    assertThat(values.mean()).isCloseTo(100.0, within(0.12));
    assertThat(values.sd()).isCloseTo(10.0, within(0.1));
    assertThat(times.mean()).isCloseTo(50.0, within(0.12));
    assertThat(times.sd()).isCloseTo(10.0, within(0.1));
    assertThat(times.min).isGreaterThanOrEqualTo(RowBlock.MIN_TEST_TIME_MS);
    // "A few %" fail.
    assertThat((double) fails / values.n).isBetween(0.01, 0.05);
  }

  @Test
  void badWaferHasHighIddAndLowIddYield() {
    Map<String, Moments> idd = new HashMap<>();
    Map<String, long[]> iddPassFail = new HashMap<>();
    Moments badWaferVdd = new Moments();
    for (int i = 0; i < ROWS; i++) {
      if (r.testName[i].equals("Idd")) {
        idd.computeIfAbsent(r.wafer[i], w -> new Moments()).add(r.value[i]);
        iddPassFail.computeIfAbsent(r.wafer[i], w -> new long[2])[r.passed[i] ? 0 : 1]++;
      } else if (r.testName[i].equals("Vdd") && r.wafer[i].equals(Anomalies.BAD_WAFER_ID)) {
        badWaferVdd.add(r.value[i]);
      }
    }
    String bad = Anomalies.BAD_WAFER_ID;
    double badYield = passRate(iddPassFail.get(bad));
    iddPassFail.forEach((w, pf) -> {
      if (!w.equals(bad)) {
        // About 97 % against about 69 %; each wafer has ~1,000 Idd rows (sd of a yield ~1.5 %).
        assertThat(passRate(pf)).as("Idd yield of %s", w).isGreaterThan(badYield + 0.15);
        assertThat(idd.get(w).mean()).as("Idd mean of %s", w).isCloseTo(100.0, within(1.6));
      }
    });
    assertThat(idd.get(bad).mean()).isCloseTo(115.0, within(1.6));
    assertThat(badWaferVdd.mean()).as("only Idd is shifted").isCloseTo(100.0, within(1.6));
  }

  @Test
  void driftingTesterFreqRisesOverTime() {
    int tenth = ROWS / 10;
    Map<String, Moments> first = new HashMap<>();
    Map<String, Moments> last = new HashMap<>();
    Moments driftingVddFirst = new Moments();
    Moments driftingVddLast = new Moments();
    for (int i = 0; i < ROWS; i++) {
      boolean early = i < tenth;
      boolean late = i >= ROWS - tenth;
      if (r.testName[i].equals("Freq") && (early || late)) {
        (early ? first : last).computeIfAbsent(r.tester[i], t -> new Moments()).add(r.value[i]);
      } else if (r.testName[i].equals("Vdd") && r.tester[i].equals(Anomalies.DRIFT_TESTER_ID)) {
        (early ? driftingVddFirst : driftingVddLast).add(r.value[i]);
      }
    }
    // ~625 rows per tester and tenth: the standard error of a difference of means is ~0.57.
    first.forEach((tester, m) -> {
      double rise = last.get(tester).mean() - m.mean();
      if (tester.equals(Anomalies.DRIFT_TESTER_ID)) {
        // Expected 20 * (0.95 - 0.05) = 18.
        assertThat(rise).as("Freq rise on %s", tester).isCloseTo(18.0, within(3.5));
      } else {
        assertThat(rise).as("Freq rise on %s", tester).isCloseTo(0.0, within(3.5));
      }
    });
    assertThat(first).hasSize(8);
    assertThat(driftingVddLast.mean() - driftingVddFirst.mean()).as("only Freq drifts").isCloseTo(0.0, within(3.5));
  }

  private static boolean isAnomalous(int i) {
    return (r.testName[i].equals("Idd") && r.wafer[i].equals(Anomalies.BAD_WAFER_ID))
        || (r.testName[i].equals("Freq") && r.tester[i].equals(Anomalies.DRIFT_TESTER_ID));
  }

  private static double passRate(long[] passFail) {
    return (double) passFail[0] / (passFail[0] + passFail[1]);
  }

  /** Specs rows as "name|lo|hi|units" by test number, read from the specs table's batch. */
  private static Map<Integer, String> readSpecs() throws Exception {
    Map<Integer, String> out = new HashMap<>();
    try (BufferAllocator allocator = new RootAllocator()) {
      try (SpecsTable specs = new SpecsTable(allocator)) {
        assertThat(specs.next()).isTrue();
        VectorSchemaRoot root = specs.root();
        for (int i = 0; i < root.getRowCount(); i++) {
          out.put(((IntVector) root.getVector("test_num")).get(i),
              text(root, "test_name", i) + "|" + ((Float8Vector) root.getVector("lo_limit")).get(i)
                  + "|" + ((Float8Vector) root.getVector("hi_limit")).get(i) + "|" + text(root, "units", i));
        }
        assertThat(specs.next()).isFalse();
      }
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
    return out;
  }

  private static String text(VectorSchemaRoot root, String column, int i) {
    return new String(((VarCharVector) root.getVector(column)).get(i), StandardCharsets.UTF_8);
  }

  /** Count, mean and standard deviation by Welford's update. */
  private static final class Moments {
    long n;
    double mean;
    double m2;
    double min = Double.POSITIVE_INFINITY;

    void add(double x) {
      n++;
      double d = x - mean;
      mean += d / n;
      m2 += d * (x - mean);
      min = Math.min(min, x);
    }

    double mean() {
      return mean;
    }

    double sd() {
      return Math.sqrt(m2 / (n - 1));
    }
  }
}
