package dev.wafer.adapter.ingest.stdf;

import dev.wafer.adapter.dataset.LongIntMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tests of one STDF file, keyed by (record kind, TEST_NUM, TEST_TXT) since some testers
 * reuse a number for different tests, each holding the defaults its first record set. Later
 * records of a test commonly omit TEST_TXT, limits and units; they belong to the test last seen
 * with their number and take its defaults.
 */
final class TestCatalog {
  static final int NULL_INT = Integer.MIN_VALUE;
  static final byte[] EMPTY = new byte[0];

  /** One test and the defaults set by its first record. */
  static final class Test {
    final int id;
    final byte kind;
    final long num;
    final byte[] name;
    boolean hasDefaults;
    double lo = Double.NaN;
    double hi = Double.NaN;
    double loSpec = Double.NaN;
    double hiSpec = Double.NaN;
    int resScal = NULL_INT;
    byte[] units = EMPTY;
    int[] pins = new int[0];

    Test(int id, byte kind, long num, byte[] name) {
      this.id = id;
      this.kind = kind;
      this.num = num;
      this.name = name;
    }
  }

  private final List<Test> tests = new ArrayList<>();
  /** (kind, number) -> id of the test last seen with that number. */
  private final LongIntMap lastByNumber = new LongIntMap();
  /** Every named test, for numbers that carry more than one name. */
  private final Map<String, Integer> byName = new HashMap<>();

  Test get(int id) {
    return tests.get(id);
  }

  int size() {
    return tests.size();
  }

  /**
   * The test of a record: by its number, and by TEST_TXT when present. Allocates only when a
   * record names a test that differs from the one last seen with its number.
   */
  Test lookup(byte kind, long num, StdfRecord r, int textField) {
    long key = (num << 2) | (kind & 3);
    int last = lastByNumber.get(key);
    int len = r.stringLength(textField);
    if (last >= 0 && (len == 0 || sameName(tests.get(last).name, r, textField))) {
      return tests.get(last);
    }
    String name = r.string(textField);
    String nameKey = kind + ":" + num + ":" + name;
    Integer id = byName.get(nameKey);
    Test t;
    if (id == null) {
      t = new Test(tests.size(), kind, num, name.getBytes(StandardCharsets.UTF_8));
      tests.add(t);
      byName.put(nameKey, t.id);
    } else {
      t = tests.get(id);
    }
    lastByNumber.put(key, t.id);
    return t;
  }

  private static boolean sameName(byte[] name, StdfRecord r, int f) {
    int len = r.stringLength(f);
    if (len != name.length) { // non-ASCII names differ in length and take the slow path
      return false;
    }
    int start = r.stringStart(f);
    for (int i = 0; i < len; i++) {
      if (r.bytes().get(start + i) != name[i]) {
        return false;
      }
    }
    return true;
  }

  /** A string field as UTF-8 (STDF text is read as ISO-8859-1), or {@link #EMPTY}. */
  static byte[] bytesOf(StdfRecord r, int f) {
    return r.stringLength(f) == 0 ? EMPTY : r.string(f).getBytes(StandardCharsets.UTF_8);
  }

  /** A limit as stored: NaN (NULL) when absent, NaN or infinite. */
  static double limit(double v) {
    return Double.isFinite(v) ? v : Double.NaN;
  }
}
