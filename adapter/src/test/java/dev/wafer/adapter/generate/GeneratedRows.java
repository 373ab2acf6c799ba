package dev.wafer.adapter.generate;

import static dev.wafer.adapter.generate.TestResultsSchema.*;

import dev.wafer.adapter.dataset.RecordBatchSource;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Every row of a generator run copied onto the heap, column by column, with the dictionaries
 * decoded to strings, so tests can compare runs and check rows with plain Java.
 */
final class GeneratedRows {
  final int rows;
  int batches;
  final String[] lot;
  final String[] wafer;
  final String[] device;
  final int[] dieX;
  final int[] dieY;
  final String[] tester;
  final int[] site;
  final int[] testNum;
  final String[] testName;
  final double[] value;
  final double[] lo;
  final double[] hi;
  final String[] units;
  final boolean[] passed;
  final int[] hardBin;
  final int[] softBin;
  final double[] testTime;
  final long[] ts;
  final int[] testDate;

  private GeneratedRows(int n) {
    rows = n;
    lot = new String[n];
    wafer = new String[n];
    device = new String[n];
    dieX = new int[n];
    dieY = new int[n];
    tester = new String[n];
    site = new int[n];
    testNum = new int[n];
    testName = new String[n];
    value = new double[n];
    lo = new double[n];
    hi = new double[n];
    units = new String[n];
    passed = new boolean[n];
    hardBin = new int[n];
    softBin = new int[n];
    testTime = new double[n];
    ts = new long[n];
    testDate = new int[n];
  }

  /** Runs a generator to the end with its own allocator, which must be empty afterwards. */
  static GeneratedRows generate(GeneratorOptions options) throws Exception {
    try (BufferAllocator allocator = new RootAllocator()) {
      GeneratedRows result;
      try (TestResultsGenerator generator = new TestResultsGenerator(allocator, options)) {
        result = collect(generator, Math.toIntExact(options.rows()));
      }
      if (allocator.getAllocatedMemory() != 0) {
        throw new AssertionError("generator leaked " + allocator.getAllocatedMemory() + " bytes");
      }
      return result;
    }
  }

  /** Copies every row of a stream of {@code test_results} batches, failing on any NULL. */
  static GeneratedRows collect(RecordBatchSource generator, int expectedRows) throws Exception {
    GeneratedRows c = new GeneratedRows(expectedRows);
    VectorSchemaRoot root = generator.root();
    DictionaryProvider dicts = generator.dictionaries();
    int at = 0;
    while (generator.next()) {
      c.batches++;
      int n = root.getRowCount();
      if (at + n > expectedRows) {
        throw new AssertionError("more rows than the " + expectedRows + " expected");
      }
      decode(root, dicts, LOT_ID, c.lot, at, n);
      decode(root, dicts, WAFER_ID, c.wafer, at, n);
      decode(root, dicts, DEVICE_ID, c.device, at, n);
      decode(root, dicts, TESTER_ID, c.tester, at, n);
      decode(root, dicts, TEST_NAME, c.testName, at, n);
      decode(root, dicts, UNITS, c.units, at, n);
      ints(root, DIE_X, c.dieX, at, n);
      ints(root, DIE_Y, c.dieY, at, n);
      ints(root, SITE, c.site, at, n);
      ints(root, TEST_NUM, c.testNum, at, n);
      ints(root, HARD_BIN, c.hardBin, at, n);
      ints(root, SOFT_BIN, c.softBin, at, n);
      doubles(root, TEST_VALUE, c.value, at, n);
      doubles(root, LO_LIMIT, c.lo, at, n);
      doubles(root, HI_LIMIT, c.hi, at, n);
      doubles(root, TEST_TIME_MS, c.testTime, at, n);
      BitVector passed = (BitVector) root.getVector(PASSED);
      TimeStampMilliVector ts = (TimeStampMilliVector) root.getVector(TS);
      DateDayVector date = (DateDayVector) root.getVector(TEST_DATE);
      for (int i = 0; i < n; i++) {
        if (passed.isNull(i) || ts.isNull(i) || date.isNull(i)) {
          throw new AssertionError("NULL at row " + (at + i));
        }
        c.passed[at + i] = passed.get(i) != 0;
        c.ts[at + i] = ts.get(i);
        c.testDate[at + i] = date.get(i);
      }
      at += n;
    }
    if (at != expectedRows) {
      throw new AssertionError("got " + at + " rows, expected " + expectedRows);
    }
    return c;
  }

  private static void decode(VectorSchemaRoot root, DictionaryProvider dicts, String column, String[] out,
      int at, int n) {
    IntVector indices = (IntVector) root.getVector(column);
    Field field = indices.getField();
    VarCharVector values = (VarCharVector) dicts.lookup(field.getDictionary().getId()).getVector();
    for (int i = 0; i < n; i++) {
      if (indices.isNull(i)) {
        throw new AssertionError("NULL " + column + " at row " + (at + i));
      }
      // Interned per dictionary entry would be faster; a String per row is fine at test sizes.
      out[at + i] = new String(values.get(indices.get(i)), StandardCharsets.UTF_8);
    }
  }

  private static void ints(VectorSchemaRoot root, String column, int[] out, int at, int n) {
    IntVector v = (IntVector) root.getVector(column);
    for (int i = 0; i < n; i++) {
      if (v.isNull(i)) {
        throw new AssertionError("NULL " + column + " at row " + (at + i));
      }
      out[at + i] = v.get(i);
    }
  }

  private static void doubles(VectorSchemaRoot root, String column, double[] out, int at, int n) {
    Float8Vector v = (Float8Vector) root.getVector(column);
    for (int i = 0; i < n; i++) {
      if (v.isNull(i)) {
        throw new AssertionError("NULL " + column + " at row " + (at + i));
      }
      out[at + i] = v.get(i);
    }
  }

  /** A digest of every value of every row, for change detection. */
  long digest() {
    long h = rows;
    for (int i = 0; i < rows; i++) {
      long[] fields = {
        lot[i].hashCode(), wafer[i].hashCode(), device[i].hashCode(), dieX[i], dieY[i],
        tester[i].hashCode(), site[i], testNum[i], testName[i].hashCode(),
        Double.doubleToRawLongBits(value[i]), Double.doubleToRawLongBits(lo[i]),
        Double.doubleToRawLongBits(hi[i]), units[i].hashCode(), passed[i] ? 1 : 0, hardBin[i],
        softBin[i], Double.doubleToRawLongBits(testTime[i]), ts[i], testDate[i]};
      for (long f : fields) {
        h = (h ^ f) * 0x100000001b3L;
      }
    }
    return h;
  }

  /** First row index at which two runs differ in any column, or -1 when they are equal. */
  int firstDifference(GeneratedRows o) {
    if (rows != o.rows) {
      return Math.min(rows, o.rows);
    }
    for (int i = 0; i < rows; i++) {
      if (!lot[i].equals(o.lot[i]) || !wafer[i].equals(o.wafer[i]) || !device[i].equals(o.device[i])
          || dieX[i] != o.dieX[i] || dieY[i] != o.dieY[i] || !tester[i].equals(o.tester[i])
          || site[i] != o.site[i] || testNum[i] != o.testNum[i] || !testName[i].equals(o.testName[i])
          || Double.doubleToRawLongBits(value[i]) != Double.doubleToRawLongBits(o.value[i])
          || lo[i] != o.lo[i] || hi[i] != o.hi[i] || !units[i].equals(o.units[i])
          || passed[i] != o.passed[i] || hardBin[i] != o.hardBin[i] || softBin[i] != o.softBin[i]
          || Double.doubleToRawLongBits(testTime[i]) != Double.doubleToRawLongBits(o.testTime[i])
          || ts[i] != o.ts[i] || testDate[i] != o.testDate[i]) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return "GeneratedRows[" + rows + " rows in " + batches + " batches, first devices "
        + Arrays.toString(Arrays.copyOf(device, Math.min(3, rows))) + "]";
  }
}
