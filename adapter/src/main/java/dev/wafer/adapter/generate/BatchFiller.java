package dev.wafer.adapter.generate;

import static dev.wafer.adapter.generate.TestResultsSchema.*;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Writes rows of a {@link RowBlock} into the vectors of a {@code test_results} batch, deriving
 * every column that is not random: wafer, lot and die position from the device, test number,
 * name, limits and units from the test, pass/fail and bins from value and limits, and {@code ts}
 * and {@code test_date} from the row index.
 *
 * <p>Values go straight into the vectors' data buffers, one loop per column, with no boxing,
 * allocation or virtual call per row. The caller marks the validity bits of the whole batch once
 * (no value is ever NULL) and zeroes the {@code passed} bits before filling.
 */
final class BatchFiller {
  /** {@code ts} of row 0: 2024-01-01T00:00:00, as epoch milliseconds. */
  static final long START_MILLIS = LocalDateTime.of(2024, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
  /** One row per second. */
  static final long MILLIS_PER_ROW = 1_000;
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private static final int TESTS = TestSpec.ALL.size();
  private static final double[] LO = new double[TESTS];
  private static final double[] HI = new double[TESTS];
  private static final int[] FAIL_HARD = new int[TESTS];
  private static final int[] LOW_SOFT = new int[TESTS];
  private static final int[] HIGH_SOFT = new int[TESTS];
  private static final int[] TEST_NUM_OF = new int[TESTS];

  static {
    for (int t = 0; t < TESTS; t++) {
      TestSpec spec = TestSpec.ALL.get(t);
      LO[t] = spec.loLimit();
      HI[t] = spec.hiLimit();
      FAIL_HARD[t] = spec.failHardBin();
      LOW_SOFT[t] = spec.lowSoftBin();
      HIGH_SOFT[t] = spec.highSoftBin();
      TEST_NUM_OF[t] = spec.testNum();
    }
  }

  private final ArrowBuf lot;
  private final ArrowBuf wafer;
  private final ArrowBuf device;
  private final ArrowBuf dieX;
  private final ArrowBuf dieY;
  private final ArrowBuf tester;
  private final ArrowBuf site;
  private final ArrowBuf testNum;
  private final ArrowBuf testName;
  private final ArrowBuf testValue;
  private final ArrowBuf loLimit;
  private final ArrowBuf hiLimit;
  private final ArrowBuf units;
  private final ArrowBuf passed;
  private final ArrowBuf hardBin;
  private final ArrowBuf softBin;
  private final ArrowBuf testTime;
  private final ArrowBuf ts;
  private final ArrowBuf testDate;

  /** Captures the data buffers of {@code root}; valid until its vectors are reallocated. */
  BatchFiller(VectorSchemaRoot root) {
    lot = data(root, LOT_ID);
    wafer = data(root, WAFER_ID);
    device = data(root, DEVICE_ID);
    dieX = data(root, DIE_X);
    dieY = data(root, DIE_Y);
    tester = data(root, TESTER_ID);
    site = data(root, SITE);
    testNum = data(root, TEST_NUM);
    testName = data(root, TEST_NAME);
    testValue = data(root, TEST_VALUE);
    loLimit = data(root, LO_LIMIT);
    hiLimit = data(root, HI_LIMIT);
    units = data(root, UNITS);
    passed = data(root, PASSED);
    hardBin = data(root, HARD_BIN);
    softBin = data(root, SOFT_BIN);
    testTime = data(root, TEST_TIME_MS);
    ts = data(root, TS);
    testDate = data(root, TEST_DATE);
  }

  private static ArrowBuf data(VectorSchemaRoot root, String column) {
    FieldVector v = root.getVector(column);
    return v.getDataBuffer();
  }

  /** Copies rows {@code [from, from + n)} of {@code block} to batch rows {@code [out, out + n)}. */
  void fill(RowBlock block, int from, int n, int out) {
    fillDevices(block.device, from, n, out);
    fillCodes(block.code, from, n, out);
    fillResults(block.code, block.value, from, n, out);
    for (int i = 0; i < n; i++) {
      testTime.setDouble((long) (out + i) << 3, block.testTime[from + i]);
    }
    long firstRow = block.firstRow + from;
    for (int i = 0; i < n; i++) {
      long millis = START_MILLIS + (firstRow + i) * MILLIS_PER_ROW;
      ts.setLong((long) (out + i) << 3, millis);
      testDate.setInt((long) (out + i) << 2, (int) Math.floorDiv(millis, MILLIS_PER_DAY));
    }
  }

  private void fillDevices(int[] devices, int from, int n, int out) {
    for (int i = 0; i < n; i++) {
      int d = devices[from + i];
      int w = WaferMap.waferOf(d);
      long at = (long) (out + i) << 2;
      device.setInt(at, d);
      wafer.setInt(at, w);
      lot.setInt(at, WaferMap.lotOfWafer(w));
      dieX.setInt(at, WaferMap.dieX(d));
      dieY.setInt(at, WaferMap.dieY(d));
    }
  }

  private void fillCodes(byte[] codes, int from, int n, int out) {
    for (int i = 0; i < n; i++) {
      byte c = codes[from + i];
      int t = RowBlock.test(c);
      long at = (long) (out + i) << 2;
      tester.setInt(at, RowBlock.tester(c));
      site.setInt(at, RowBlock.site(c));
      testNum.setInt(at, TEST_NUM_OF[t]);
      testName.setInt(at, t);
      units.setInt(at, t);
      loLimit.setDouble((long) (out + i) << 3, LO[t]);
      hiLimit.setDouble((long) (out + i) << 3, HI[t]);
    }
  }

  private void fillResults(byte[] codes, double[] values, int from, int n, int out) {
    for (int i = 0; i < n; i++) {
      int t = RowBlock.test(codes[from + i]);
      double x = values[from + i];
      int row = out + i;
      testValue.setDouble((long) row << 3, x);
      int hard;
      int soft;
      if (x < LO[t]) {
        hard = FAIL_HARD[t];
        soft = LOW_SOFT[t];
      } else if (x > HI[t]) {
        hard = FAIL_HARD[t];
        soft = HIGH_SOFT[t];
      } else {
        hard = TestSpec.PASS_BIN;
        soft = TestSpec.PASS_BIN;
        BitVectorHelper.setBit(passed, row);
      }
      hardBin.setInt((long) row << 2, hard);
      softBin.setInt((long) row << 2, soft);
    }
  }
}
