package dev.wafer.adapter.predicate;

import dev.wafer.adapter.arrow.NullCounts;
import dev.wafer.adapter.predicate.ScanPredicate.And;
import dev.wafer.adapter.predicate.ScanPredicate.Column;
import dev.wafer.adapter.predicate.ScanPredicate.Compare;
import dev.wafer.adapter.predicate.ScanPredicate.Domain;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.types.Types.MinorType;

/**
 * A disjunction of per-key limits, {@code OR_i (key = k_i AND value op l_i)}, evaluated in one pass
 * over both columns: the key's row selects its limit from a table, the value is compared with it.
 * This is what a semi-join with a small limits table binds into the large scan ({@code test_num =
 * s.test_num AND test_value > s.hi_limit} for every row s of specs); evaluated term by term it reads
 * both columns once per key. The key is an integer column (limits indexed by {@code key - min}) or
 * a dictionary-encoded one (limits indexed by dictionary index, built once per dictionary); the
 * value is a DOUBLE column. A key without a limit gets NaN, which no comparison but {@code <>}
 * satisfies; {@code <>} is therefore not taken.
 */
final class KeyedBounds {
  /** Largest {@code max - min} of integer keys: the table stays within the L1 cache. */
  static final int MAX_SPAN = 4096;

  private final Column key;
  private final Column value;
  private final CompareOp op;
  /** The limit per key: Long for an integer key, String for a string key. */
  private final Map<Object, Double> limitOf;
  private final double[] limits;
  /** For integer keys spread over at most {@link #MAX_SPAN}: limit per {@code key - min}, then NaN; else null. */
  private final double[] integerTable;
  private final long min;

  private KeyedBounds(Column key, Column value, CompareOp op, Map<Object, Double> limitOf) {
    this.key = key;
    this.value = value;
    this.op = op;
    this.limitOf = Map.copyOf(limitOf);
    this.limits = limitOf.values().stream().mapToDouble(Double::doubleValue).toArray();
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (Object k : limitOf.keySet()) {
      if (k instanceof Long l) {
        lo = Math.min(lo, l);
        hi = Math.max(hi, l);
      }
    }
    boolean dense = key.domain() == Domain.LONG && hi - lo >= 0 && hi - lo < MAX_SPAN;
    this.min = lo;
    this.integerTable = dense ? new double[(int) (hi - lo) + 2] : null;
    if (dense) {
      java.util.Arrays.fill(integerTable, Double.NaN);
      for (Map.Entry<Object, Double> e : limitOf.entrySet()) {
        integerTable[(int) ((Long) e.getKey() - lo)] = e.getValue();
      }
    }
  }

  /** The kernel for the terms of an OR, or null when they do not have its shape. */
  static KeyedBounds of(List<ScanPredicate> terms) {
    if (terms.size() < 2) {
      return null;
    }
    Column key = null;
    Column value = null;
    CompareOp op = null;
    Map<Object, Double> limitOf = new java.util.LinkedHashMap<>();
    for (ScanPredicate t : terms) {
      if (!(t instanceof And and) || and.terms().size() != 2) {
        return null;
      }
      Compare eq = keyTest(and.terms().get(0));
      ScanPredicate other = and.terms().get(1);
      if (eq == null) {
        eq = keyTest(and.terms().get(1));
        other = and.terms().get(0);
      }
      if (eq == null || !(other instanceof Compare limit) || !(limit.operand() instanceof Column v)
          || v.domain() != Domain.DOUBLE || !(limit.literal() instanceof Number n)
          || Double.isNaN(n.doubleValue()) || limit.op() == CompareOp.NE) {
        return null;
      }
      Column k = (Column) eq.operand();
      if ((key != null && !key.equals(k)) || (value != null && !value.equals(v)) || (op != null && op != limit.op())) {
        return null;
      }
      key = k;
      value = v;
      op = limit.op();
      Object keyValue = keyValue(k, eq.literal());
      if (keyValue == null) {
        return null;
      }
      Double before = limitOf.get(keyValue);
      double l = n.doubleValue();
      if (before != null && op == CompareOp.EQ && before != l) {
        return null; // x = a OR x = b for one key: not one limit
      }
      // ORed limits of one key: the looser one
      limitOf.put(keyValue, before == null ? l
          : op == CompareOp.GT || op == CompareOp.GE ? Math.min(before, l) : Math.max(before, l));
    }
    return new KeyedBounds(key, value, op, limitOf);
  }

  /** {@code p} when it is {@code key = literal} on an integer or string column, else null. */
  private static Compare keyTest(ScanPredicate p) {
    if (p instanceof Compare c && c.op() == CompareOp.EQ && c.operand() instanceof Column k && c.literal() != null
        && (k.domain() == Domain.LONG || k.domain() == Domain.STRING)) {
      return c;
    }
    return null;
  }

  /** The key literal as a Long (integer key) or String, or null when it cannot equal a key. */
  private static Object keyValue(Column k, Object literal) {
    if (k.domain() == Domain.STRING) {
      return literal instanceof String s ? s : null;
    }
    LongRange r = LongRange.of(CompareOp.EQ, literal);
    return r.lo() == r.hi() && !r.negate() ? Long.valueOf(r.lo()) : null;
  }

  Column key() {
    return key;
  }

  Column value() {
    return value;
  }

  /**
   * Writes the disjunction's truth value per row (SQL's: NULL where a NULL key or value leaves it
   * open), or returns false (writing nothing) when this batch's vectors do not allow it: a value
   * vector other than FLOAT8, an integer key stored scaled (seconds, microseconds), keys spread
   * wider than {@link #MAX_SPAN}, or a dictionary with a NULL entry (a NULL key without a validity
   * bit: the general path answers it).
   *
   * @param dictionary the key's decoded dictionary when it is dictionary-encoded, else null
   * @param cache per-thread tables per dictionary
   */
  boolean eval(FieldVector keyVector, String[] dictionary, FieldVector valueVector, long[] scratch,
      Map<Object, Object[]> cache, byte[] out, int rows) {
    if (valueVector.getMinorType() != MinorType.FLOAT8) {
      return false;
    }
    long values = valueVector.getDataBufferAddress();
    if (dictionary != null) {
      if (!(keyVector instanceof IntVector) || key.domain() != Domain.STRING) {
        return false;
      }
      double[] table = dictionaryTable(dictionary, cache);
      if (table == null) {
        return false;
      }
      long indices = keyVector.getDataBufferAddress();
      boolean keyNulls = NullCounts.of(keyVector) > 0;
      for (int i = 0; i < rows; i++) {
        int d = MemoryUtil.getInt(indices + 4L * i);
        if (Integer.compareUnsigned(d, dictionary.length) >= 0 && !(keyNulls && keyVector.isNull(i))) {
          throw DictionaryKernels.badIndex(keyVector, d, dictionary.length); // as the general path does
        }
        scratch[i] = d;
      }
      compare(table, 0, scratch, values, out, rows);
      applyNulls(keyVector, valueVector, table, 0, scratch, out, rows);
      return true;
    }
    MinorType type = keyVector.getMinorType();
    if (integerTable == null || !RawColumn.isLong(type) || RawColumn.mul(type) != 1 || RawColumn.div(type) != 1) {
      return false;
    }
    RawColumn.readLongs(keyVector, scratch, rows);
    compare(integerTable, min, scratch, values, out, rows);
    applyNulls(keyVector, valueVector, integerTable, min, scratch, out, rows);
    return true;
  }

  /**
   * SQL's answer for the rows with a NULL: a NULL value under a key with a limit leaves its term,
   * and so the OR, NULL (FALSE without one); a NULL key leaves every term NULL whose comparison is
   * not FALSE, so the OR is NULL when any limit admits the value.
   */
  private void applyNulls(FieldVector keyVector, FieldVector valueVector, double[] table, long min, long[] key,
      byte[] out, int rows) {
    boolean keyNulls = NullCounts.of(keyVector) > 0;
    boolean valueNulls = NullCounts.of(valueVector) > 0;
    if (!keyNulls && !valueNulls) {
      return;
    }
    long span = table.length - 2 + Long.MIN_VALUE;
    long values = valueVector.getDataBufferAddress();
    for (int i = 0; i < rows; i++) {
      boolean valueNull = valueNulls && valueVector.isNull(i);
      if (keyNulls && keyVector.isNull(i)) {
        boolean open = valueNull;
        double x = Double.longBitsToDouble(MemoryUtil.getLong(values + 8L * i));
        for (int k = 0; k < limits.length && !open; k++) {
          open = holds(x, limits[k]);
        }
        out[i] = open ? Tri.NULL : Tri.FALSE;
      } else if (valueNull) {
        long k = key[i] - min;
        boolean limited = k + Long.MIN_VALUE <= span && !Double.isNaN(table[(int) k]);
        out[i] = limited ? Tri.NULL : Tri.FALSE;
      }
    }
  }

  private boolean holds(double x, double l) {
    switch (op) {
      case GT: return x > l;
      case GE: return x >= l;
      case LT: return x < l;
      case LE: return x <= l;
      default: return x == l;
    }
  }

  /** Limits by dictionary index, then NaN; null when the dictionary has a NULL entry. */
  private double[] dictionaryTable(String[] dictionary, Map<Object, Object[]> cache) {
    Object[] cached = cache.get(this);
    if (cached != null && cached[0] == dictionary) {
      return (double[]) cached[1];
    }
    double[] table = null;
    if (java.util.Arrays.stream(dictionary).noneMatch(java.util.Objects::isNull)) {
      table = new double[dictionary.length + 1];
      for (int d = 0; d < dictionary.length; d++) {
        Double l = limitOf.get(dictionary[d]);
        table[d] = l == null ? Double.NaN : l;
      }
      table[dictionary.length] = Double.NaN;
    }
    if (cache.size() >= 64) {
      cache.clear(); // bounded: a worker thread outlives many scans and files
    }
    cache.put(this, new Object[] {dictionary, table});
    return table;
  }

  /**
   * {@code out[i] = value[i] op table[key[i] - min]}, a key outside the table reading its last
   * (NaN) slot; one loop per operator so that the comparison is not a call per row.
   */
  private void compare(double[] table, long min, long[] key, long values, byte[] out, int rows) {
    long span = table.length - 2 + Long.MIN_VALUE;
    int outside = table.length - 1;
    switch (op) {
      case GT:
        for (int i = 0; i < rows; i++) {
          long k = key[i] - min;
          double l = table[k + Long.MIN_VALUE <= span ? (int) k : outside];
          out[i] = Tri.of(Double.longBitsToDouble(MemoryUtil.getLong(values + 8L * i)) > l);
        }
        return;
      case GE:
        for (int i = 0; i < rows; i++) {
          long k = key[i] - min;
          double l = table[k + Long.MIN_VALUE <= span ? (int) k : outside];
          out[i] = Tri.of(Double.longBitsToDouble(MemoryUtil.getLong(values + 8L * i)) >= l);
        }
        return;
      case LT:
        for (int i = 0; i < rows; i++) {
          long k = key[i] - min;
          double l = table[k + Long.MIN_VALUE <= span ? (int) k : outside];
          out[i] = Tri.of(Double.longBitsToDouble(MemoryUtil.getLong(values + 8L * i)) < l);
        }
        return;
      case LE:
        for (int i = 0; i < rows; i++) {
          long k = key[i] - min;
          double l = table[k + Long.MIN_VALUE <= span ? (int) k : outside];
          out[i] = Tri.of(Double.longBitsToDouble(MemoryUtil.getLong(values + 8L * i)) <= l);
        }
        return;
      default:
        for (int i = 0; i < rows; i++) {
          long k = key[i] - min;
          double l = table[k + Long.MIN_VALUE <= span ? (int) k : outside];
          out[i] = Tri.of(Double.longBitsToDouble(MemoryUtil.getLong(values + 8L * i)) == l);
        }
    }
  }
}
