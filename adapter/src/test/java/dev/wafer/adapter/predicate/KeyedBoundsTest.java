package dev.wafer.adapter.predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wafer.adapter.exec.Selection;
import dev.wafer.adapter.predicate.ScanPredicate.And;
import dev.wafer.adapter.predicate.ScanPredicate.Column;
import dev.wafer.adapter.predicate.ScanPredicate.Compare;
import dev.wafer.adapter.predicate.ScanPredicate.Or;
import dev.wafer.adapter.table.ColumnKind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.Test;

/**
 * {@link KeyedBounds}, the one-pass OR of per-key limits, against Java's evaluation of the same
 * disjunction row by row: integer and dictionary keys, keys with no limit and out of the table's
 * span, values at and beside each limit, signed zeros, infinities and NaN, NULL keys and values
 * (SQL's three-valued answer), every operator it takes; directly and through {@link BatchFilter}.
 * And the shapes and dictionaries it must leave to the general path.
 */
class KeyedBoundsTest {
  private static final Column KEY = new Column(0, "test_num", ColumnKind.BIGINT, 0);
  private static final Column NAME = new Column(0, "test_name", ColumnKind.VARCHAR, 0);
  private static final Column VALUE = new Column(1, "test_value", ColumnKind.DOUBLE, 0);
  private static final Column OTHER = new Column(2, "other", ColumnKind.DOUBLE, 0);
  private static final long[] KEYS = {1000, 1001, 1003, 1003, 5000};
  private static final double[] LIMITS = {1.5, -0.0, 7.0, 9.0, Double.POSITIVE_INFINITY};
  private static final String[] DICTIONARY = {"Vdd", "Idd", "Iddq", "Leak", "Vth"};
  private static final String[] NAMES = {"Vdd", "Idd", "Leak", "Leak", "Vth"};

  private static final List<CompareOp> OPS = List.of(CompareOp.GT, CompareOp.GE, CompareOp.LT, CompareOp.LE, CompareOp.EQ);

  private static double[] values(int rows) {
    List<Double> special = new ArrayList<>(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        0.0, -0.0));
    for (double l : LIMITS) {
      special.add(l);
      special.add(Math.nextUp(l));
      special.add(Math.nextDown(l));
    }
    SplittableRandom r = new SplittableRandom(7);
    double[] v = new double[rows];
    for (int i = 0; i < rows; i++) {
      v[i] = i % 3 == 0 ? r.nextDouble(-20, 20) : special.get(r.nextInt(special.size()));
    }
    return v;
  }

  private static Or disjunction(Column key, Object[] keys, CompareOp op) {
    List<ScanPredicate> terms = new ArrayList<>();
    for (int k = 0; k < keys.length; k++) {
      if (op == CompareOp.EQ && k == 3) {
        continue; // two equalities for one key are not one limit (checked below)
      }
      terms.add(new And(List.of(new Compare(key, CompareOp.EQ, keys[k]), new Compare(VALUE, op, LIMITS[k]))));
    }
    return new Or(terms);
  }

  private static boolean holds(CompareOp op, double x, double l) {
    return op == CompareOp.GT ? x > l : op == CompareOp.GE ? x >= l : op == CompareOp.LT ? x < l
        : op == CompareOp.LE ? x <= l : x == l;
  }

  /** SQL's evaluation of the disjunction for one row, a null key or value being NULL. */
  private static byte expected(Object key, Double x, Object[] keys, CompareOp op) {
    byte any = Tri.FALSE;
    for (int k = 0; k < keys.length; k++) {
      if (op == CompareOp.EQ && k == 3) {
        continue;
      }
      byte keyEquals = key == null ? Tri.NULL : Tri.of(keys[k].equals(key));
      byte compares = x == null ? Tri.NULL : Tri.of(holds(op, x, LIMITS[k]));
      any = (byte) Math.max(any, Math.min(keyEquals, compares));
    }
    return any;
  }

  /** Every 17th key and every 13th value NULL. */
  private static boolean keyNull(int i) {
    return i % 17 == 5;
  }

  private static boolean valueNull(int i) {
    return i % 13 == 2;
  }

  @Test
  void integerKeysAgreeWithJava() {
    int rows = 3000;
    Long[] keys = new Long[rows];
    SplittableRandom r = new SplittableRandom(11);
    // listed keys, neighbours without a limit, and keys far outside the table (both signs)
    long[] pool = {1000, 1001, 1002, 1003, 1004, 999, 5000, 5001, -1, Long.MIN_VALUE, Long.MAX_VALUE};
    for (int i = 0; i < rows; i++) {
      keys[i] = pool[r.nextInt(pool.length)];
    }
    try (BufferAllocator allocator = new RootAllocator(); BigIntVector k = new BigIntVector("test_num", allocator)) {
      k.allocateNew(rows);
      for (int i = 0; i < rows; i++) {
        k.set(i, keys[i]);
      }
      checkAll(allocator, KEY, java.util.Arrays.stream(KEYS).boxed().toArray(), k, null, keys);
    }
  }

  @Test
  void dictionaryKeysAgreeWithJava() {
    int rows = 3000;
    String[] keys = new String[rows];
    SplittableRandom r = new SplittableRandom(13);
    try (BufferAllocator allocator = new RootAllocator(); IntVector k = new IntVector("test_name", allocator)) {
      k.allocateNew(rows);
      for (int i = 0; i < rows; i++) {
        int d = r.nextInt(DICTIONARY.length);
        k.set(i, d);
        keys[i] = DICTIONARY[d];
      }
      checkAll(allocator, NAME, NAMES, k, DICTIONARY, keys);
      // a NULL dictionary entry is a NULL key without a validity bit: left to the general path,
      // which answers NULL where this kernel's table would answer FALSE (wrong under NOT)
      String[] withNull = DICTIONARY.clone();
      withNull[2] = null;
      try (Float8Vector v = new Float8Vector("test_value", allocator)) {
        v.allocateNew(rows);
        v.setValueCount(rows);
        KeyedBounds kernel = KeyedBounds.of(disjunction(NAME, NAMES, CompareOp.GT).terms());
        assertThat(kernel.eval(k, withNull, v, new long[rows], new IdentityHashMap<>(), new byte[rows], rows))
            .isFalse();
        // an index past the dictionary fails as the general path does, not as a row without a limit
        k.set(7, DICTIONARY.length);
        assertThatThrownBy(() -> kernel.eval(k, DICTIONARY, v, new long[rows], new IdentityHashMap<>(),
            new byte[rows], rows)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("dictionary index 5 outside dictionary of 5 values");
      }
    }
  }

  /** Nulls some keys, adds the values, and checks every operator against {@link #expected}. */
  private static void checkAll(BufferAllocator allocator, Column key, Object[] listed, BaseFixedWidthVector k,
      String[] dictionary, Object[] keys) {
    int rows = keys.length;
    double[] x = values(rows);
    try (Float8Vector v = new Float8Vector("test_value", allocator)) {
      v.allocateNew(rows);
      for (int i = 0; i < rows; i++) {
        if (keyNull(i)) {
          k.setNull(i);
        }
        if (valueNull(i)) {
          v.setNull(i);
        } else {
          v.set(i, x[i]);
        }
      }
      k.setValueCount(rows);
      v.setValueCount(rows);
      for (CompareOp op : OPS) {
        byte[] want = new byte[rows];
        for (int i = 0; i < rows; i++) {
          want[i] = expected(keyNull(i) ? null : keys[i], valueNull(i) ? null : x[i], listed, op);
        }
        check(disjunction(key, listed, op), k, dictionary, v, want, op.toString());
      }
    }
  }

  private static void check(Or or, FieldVector keys, String[] dictionary, Float8Vector values, byte[] want,
      String what) {
    int rows = want.length;
    KeyedBounds kernel = KeyedBounds.of(or.terms());
    assertThat(kernel).as(what).isNotNull();
    byte[] out = new byte[rows];
    assertThat(kernel.eval(keys, dictionary, values, new long[rows], new IdentityHashMap<>(), out, rows)).isTrue();
    int[] counts = new int[3];
    for (int i = 0; i < rows; i++) {
      assertThat(out[i]).as("%s row %d", what, i).isEqualTo(want[i]);
      counts[want[i]]++;
    }
    assertThat(counts).as(what + ": rows of each truth value").doesNotContain(0);
    // the same through the filter, with another conjunct around it
    BatchFilter filter = new BatchFilter(new And(List.of(or, new Compare(VALUE, CompareOp.GT, -1e300))),
        new int[] {0, 1});
    Selection s = filter.select(new FieldVector[] {keys, values}, new String[][] {dictionary, null},
        new Object[2], rows);
    List<Integer> got = new ArrayList<>();
    for (int i = 0; i < Selection.count(s, rows); i++) {
      got.add(s == null ? i : s.positions[i]);
    }
    List<Integer> wanted = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      if (want[i] == Tri.TRUE && values.get(i) > -1e300) {
        wanted.add(i);
      }
    }
    assertThat(got).as(what + " through BatchFilter").isEqualTo(wanted);
  }

  @Test
  void shapesLeftToTheGeneralPath() {
    And a = new And(List.of(new Compare(KEY, CompareOp.EQ, 1L), new Compare(VALUE, CompareOp.GT, 1.0)));
    And b = new And(List.of(new Compare(VALUE, CompareOp.GT, 2.0), new Compare(KEY, CompareOp.EQ, 2L)));
    assertThat(KeyedBounds.of(List.of(a, b))).as("either order within a term").isNotNull();
    assertThat(KeyedBounds.of(List.of(a))).as("one term").isNull();
    assertThat(KeyedBounds.of(List.of(a, new And(List.of(new Compare(KEY, CompareOp.EQ, 2L),
        new Compare(VALUE, CompareOp.LT, 1.0)))))).as("two operators").isNull();
    assertThat(KeyedBounds.of(List.of(a, new And(List.of(new Compare(KEY, CompareOp.EQ, 2L),
        new Compare(OTHER, CompareOp.GT, 1.0)))))).as("two value columns").isNull();
    assertThat(KeyedBounds.of(List.of(a, new And(List.of(new Compare(KEY, CompareOp.EQ, 2L),
        new Compare(VALUE, CompareOp.GT, Double.NaN)))))).as("a NaN limit").isNull();
    assertThat(KeyedBounds.of(List.of(a, new And(List.of(new Compare(KEY, CompareOp.NE, 2L),
        new Compare(VALUE, CompareOp.GT, 1.0)))))).as("a key inequality").isNull();
    assertThat(KeyedBounds.of(List.of(a, new And(List.of(new Compare(KEY, CompareOp.EQ, 2L),
        new Compare(VALUE, CompareOp.NE, 1.0)))))).as("<> takes a NaN limit").isNull();
    And eq1 = new And(List.of(new Compare(KEY, CompareOp.EQ, 1L), new Compare(VALUE, CompareOp.EQ, 1.0)));
    And eq2 = new And(List.of(new Compare(KEY, CompareOp.EQ, 1L), new Compare(VALUE, CompareOp.EQ, 2.0)));
    assertThat(KeyedBounds.of(List.of(eq1, eq2))).as("two equalities for one key").isNull();
    assertThat(KeyedBounds.of(List.of(a, new And(List.of(new Compare(KEY, CompareOp.EQ, 2L),
        new Compare(VALUE, CompareOp.GT, 1.0), new Compare(OTHER, CompareOp.GT, 1.0)))))).as("three conjuncts").isNull();
  }
}
