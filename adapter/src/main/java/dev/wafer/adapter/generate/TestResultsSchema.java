package dev.wafer.adapter.generate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Arrow schema of table {@code test_results} and its fixed dictionaries: the column names and
 * SQL types of issue 2, which outside checks and later issues rely on.
 *
 * <p>VARCHAR columns are dictionary-encoded with Int32 indices; the dictionaries hold every value
 * the generator can produce (e.g. all 10,000 device ids) in a fixed order (ids ascending; test
 * names and units in test-number order), so the index of a value never depends on which rows a
 * batch happens to contain. INTEGER is Int32, DOUBLE
 * Float64, BOOLEAN Bit, {@code ts} a timestamp in milliseconds without time zone and {@code
 * test_date} a day-unit date. No column holds NULLs, so every field is declared not nullable.
 */
public final class TestResultsSchema {
  public static final String TABLE = "test_results";

  public static final String LOT_ID = "lot_id";
  public static final String WAFER_ID = "wafer_id";
  public static final String DEVICE_ID = "device_id";
  public static final String DIE_X = "die_x";
  public static final String DIE_Y = "die_y";
  public static final String TESTER_ID = "tester_id";
  public static final String SITE = "site";
  public static final String TEST_NUM = "test_num";
  public static final String TEST_NAME = "test_name";
  public static final String TEST_VALUE = "test_value";
  public static final String LO_LIMIT = "lo_limit";
  public static final String HI_LIMIT = "hi_limit";
  public static final String UNITS = "units";
  public static final String PASSED = "passed";
  public static final String HARD_BIN = "hard_bin";
  public static final String SOFT_BIN = "soft_bin";
  public static final String TEST_TIME_MS = "test_time_ms";
  public static final String TS = "ts";
  public static final String TEST_DATE = "test_date";

  /** Dictionary ids of the dictionary-encoded columns. */
  public static final long LOT_DICTIONARY = 1;
  public static final long WAFER_DICTIONARY = 2;
  public static final long DEVICE_DICTIONARY = 3;
  public static final long TESTER_DICTIONARY = 4;
  public static final long TEST_NAME_DICTIONARY = 5;
  public static final long UNITS_DICTIONARY = 6;

  public static final int TESTERS = 8;
  public static final int SITES = 4;

  static final ArrowType.Int INT32 = new ArrowType.Int(32, true);
  static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

  public static final Schema SCHEMA = new Schema(List.of(
      dictionary(LOT_ID, LOT_DICTIONARY),
      dictionary(WAFER_ID, WAFER_DICTIONARY),
      dictionary(DEVICE_ID, DEVICE_DICTIONARY),
      plain(DIE_X, INT32),
      plain(DIE_Y, INT32),
      dictionary(TESTER_ID, TESTER_DICTIONARY),
      plain(SITE, INT32),
      plain(TEST_NUM, INT32),
      dictionary(TEST_NAME, TEST_NAME_DICTIONARY),
      plain(TEST_VALUE, FLOAT64),
      plain(LO_LIMIT, FLOAT64),
      plain(HI_LIMIT, FLOAT64),
      dictionary(UNITS, UNITS_DICTIONARY),
      plain(PASSED, ArrowType.Bool.INSTANCE),
      plain(HARD_BIN, INT32),
      plain(SOFT_BIN, INT32),
      plain(TEST_TIME_MS, FLOAT64),
      plain(TS, new ArrowType.Timestamp(TimeUnit.MILLISECOND, null)),
      plain(TEST_DATE, new ArrowType.Date(DateUnit.DAY))));

  private TestResultsSchema() {}

  static Field plain(String name, ArrowType type) {
    return new Field(name, FieldType.notNullable(type), null);
  }

  private static Field dictionary(String name, long id) {
    return new Field(name, new FieldType(false, INT32, new DictionaryEncoding(id, false, INT32)), null);
  }

  /**
   * Builds the dictionaries of every dictionary-encoded column. The caller owns the result and
   * must close it to release its buffers.
   */
  public static DictionaryProvider.MapDictionaryProvider dictionaries(BufferAllocator allocator) {
    DictionaryProvider.MapDictionaryProvider provider = new DictionaryProvider.MapDictionaryProvider();
    try {
      provider.put(build(allocator, LOT_ID, LOT_DICTIONARY, WaferMap.LOTS, WaferMap::lotId));
      provider.put(build(allocator, WAFER_ID, WAFER_DICTIONARY, WaferMap.WAFERS, WaferMap::waferId));
      provider.put(build(allocator, DEVICE_ID, DEVICE_DICTIONARY, WaferMap.DEVICES, WaferMap::deviceId));
      provider.put(build(allocator, TESTER_ID, TESTER_DICTIONARY, TESTERS, TestResultsSchema::testerId));
      provider.put(build(allocator, TEST_NAME, TEST_NAME_DICTIONARY, TestSpec.ALL.size(),
          t -> TestSpec.ALL.get(t).testName()));
      provider.put(build(allocator, UNITS, UNITS_DICTIONARY, TestSpec.ALL.size(),
          t -> TestSpec.ALL.get(t).units()));
      return provider;
    } catch (RuntimeException e) {
      provider.close();
      throw e;
    }
  }

  /** {@code T01} … {@code T08} for tester index 0 … 7. */
  public static String testerId(int tester) {
    return String.format(java.util.Locale.ROOT, "T%02d", tester + 1);
  }

  private static Dictionary build(
      BufferAllocator allocator, String name, long id, int size, IntFunction<String> value) {
    VarCharVector vector = new VarCharVector(name, FieldType.notNullable(ArrowType.Utf8.INSTANCE), allocator);
    try {
      vector.allocateNew(size);
      for (int i = 0; i < size; i++) {
        vector.setSafe(i, value.apply(i).getBytes(StandardCharsets.UTF_8));
      }
      vector.setValueCount(size);
      return new Dictionary(vector, new DictionaryEncoding(id, false, INT32));
    } catch (RuntimeException e) {
      vector.close();
      throw e;
    }
  }
}
