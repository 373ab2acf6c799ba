package dev.wafer.adapter.generate;

import static dev.wafer.adapter.generate.TestResultsSchema.*;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Writes rows of a {@link RowBlock} into the vectors of a {@code test_results} batch, deriving
 * every column that is not random: wafer, lot and die position from the device, test number,
 * name, limits and units from the test, pass/fail and bins from value and limits, and {@code ts}
 * and {@code test_date} from the row index.
 *
 * <p>Values go straight into the vectors' data buffers by address (checked once per batch, not
 * per value), one loop per column group, with no boxing, allocation or virtual call per row. The
 * caller marks the validity bits of the whole batch once (no value is ever NULL) and zeroes the
 * {@code passed} bits before filling.
 */
final class BatchFiller {
  /** {@code ts} of row 0: 2024-01-01T00:00:00, as epoch milliseconds. */
  static final long START_MILLIS =
      LocalDateTime.of(2024, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
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

  /** Rows the captured buffers hold. */
  private final int capacityRows;
  // Data buffer addresses, one per column.
  private final long lot;
  private final long wafer;
  private final long device;
  private final long dieX;
  private final long dieY;
  private final long tester;
  private final long site;
  private final long testNum;
  private final long testName;
  private final long testValue;
  private final long loLimit;
  private final long hiLimit;
  private final long units;
  private final long passed;
  private final long hardBin;
  private final long softBin;
  private final long testTime;
  private final long ts;
  private final long testDate;

  /**
   * Captures the data buffer addresses of {@code root} for a batch of {@code rows} rows, after
   * checking once that every buffer holds them (the per-row writes are then unchecked).
   */
  BatchFiller(VectorSchemaRoot root, int rows) {
    this.capacityRows = rows;
    lot = data(root, LOT_ID, rows);
    wafer = data(root, WAFER_ID, rows);
    device = data(root, DEVICE_ID, rows);
    dieX = data(root, DIE_X, rows);
    dieY = data(root, DIE_Y, rows);
    tester = data(root, TESTER_ID, rows);
    site = data(root, SITE, rows);
    testNum = data(root, TEST_NUM, rows);
    testName = data(root, TEST_NAME, rows);
    testValue = data(root, TEST_VALUE, rows);
    loLimit = data(root, LO_LIMIT, rows);
    hiLimit = data(root, HI_LIMIT, rows);
    units = data(root, UNITS, rows);
    passed = data(root, PASSED, rows);
    hardBin = data(root, HARD_BIN, rows);
    softBin = data(root, SOFT_BIN, rows);
    testTime = data(root, TEST_TIME_MS, rows);
    ts = data(root, TS, rows);
    testDate = data(root, TEST_DATE, rows);
  }

  private static long data(VectorSchemaRoot root, String column, int rows) {
    FieldVector v = root.getVector(column);
    ArrowBuf buf = v.getDataBuffer();
    long needed = v instanceof BitVector ? BitVectorHelper.getValidityBufferSize(rows)
        : (long) rows * ((BaseFixedWidthVector) v).getTypeWidth();
    if (buf.capacity() < needed) {
      throw new IllegalStateException(column + ": data buffer holds " + buf.capacity()
          + " bytes, a batch of " + rows + " rows needs " + needed);
    }
    return buf.memoryAddress();
  }

  private static void putDouble(long address, double value) {
    MemoryUtil.putLong(address, Double.doubleToRawLongBits(value));
  }

  /** Copies rows {@code [from, from + n)} of {@code block} to batch rows {@code [out, out + n)}. */
  void fill(RowBlock block, int from, int n, int out) {
    if (out < 0 || n < 0 || out + n > capacityRows || from < 0 || from + n > block.rows) {
      throw new IndexOutOfBoundsException("rows [" + from + ", " + (from + n) + ") of a block of "
          + block.rows + " to [" + out + ", " + (out + n) + ") of a batch of " + capacityRows);
    }
    fillDevices(block.device, from, n, out);
    fillCodes(block.code, from, n, out);
    fillResults(block.code, block.value, from, n, out);
    long firstRow = block.firstRow + from;
    for (int i = 0; i < n; i++) {
      long at4 = (long) (out + i) << 2;
      long at8 = (long) (out + i) << 3;
      long millis = START_MILLIS + (firstRow + i) * MILLIS_PER_ROW;
      putDouble(testTime + at8, block.testTime[from + i]);
      MemoryUtil.putLong(ts + at8, millis);
      MemoryUtil.putInt(testDate + at4, (int) Math.floorDiv(millis, MILLIS_PER_DAY));
    }
  }

  // Offsets: at4 / at8 are the byte offsets of a row in a 4- / 8-byte column.

  private void fillDevices(int[] devices, int from, int n, int out) {
    for (int i = 0; i < n; i++) {
      int d = devices[from + i];
      int w = WaferMap.waferOf(d);
      long at4 = (long) (out + i) << 2;
      MemoryUtil.putInt(device + at4, d);
      MemoryUtil.putInt(wafer + at4, w);
      MemoryUtil.putInt(lot + at4, WaferMap.lotOfWafer(w));
      MemoryUtil.putInt(dieX + at4, WaferMap.dieX(d));
      MemoryUtil.putInt(dieY + at4, WaferMap.dieY(d));
    }
  }

  private void fillCodes(byte[] codes, int from, int n, int out) {
    for (int i = 0; i < n; i++) {
      byte c = codes[from + i];
      int t = RowBlock.test(c);
      long at4 = (long) (out + i) << 2;
      long at8 = (long) (out + i) << 3;
      MemoryUtil.putInt(tester + at4, RowBlock.tester(c));
      MemoryUtil.putInt(site + at4, RowBlock.site(c));
      MemoryUtil.putInt(testNum + at4, TEST_NUM_OF[t]);
      MemoryUtil.putInt(testName + at4, t);
      MemoryUtil.putInt(units + at4, t);
      putDouble(loLimit + at8, LO[t]);
      putDouble(hiLimit + at8, HI[t]);
    }
  }

  private void fillResults(byte[] codes, double[] values, int from, int n, int out) {
    for (int i = 0; i < n; i++) {
      int t = RowBlock.test(codes[from + i]);
      double x = values[from + i];
      int row = out + i;
      long at4 = (long) row << 2;
      putDouble(testValue + ((long) row << 3), x);
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
        long bits = passed + (row >>> 3);
        MemoryUtil.putByte(bits, (byte) (MemoryUtil.getByte(bits) | (1 << (row & 7))));
      }
      MemoryUtil.putInt(hardBin + at4, hard);
      MemoryUtil.putInt(softBin + at4, soft);
    }
  }
}
