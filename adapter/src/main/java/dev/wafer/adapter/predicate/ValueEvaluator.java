package dev.wafer.adapter.predicate;

import dev.wafer.adapter.predicate.ScanPredicate.Arith;
import dev.wafer.adapter.predicate.ScanPredicate.Column;
import dev.wafer.adapter.predicate.ScanPredicate.Compare;
import dev.wafer.adapter.predicate.ScanPredicate.In;
import dev.wafer.adapter.predicate.ScanPredicate.IsNull;
import dev.wafer.adapter.predicate.ScanPredicate.Like;
import dev.wafer.adapter.predicate.ScanPredicate.Operand;
import java.math.BigDecimal;
import org.apache.calcite.runtime.SqlFunctions;

/**
 * Evaluates a leaf predicate on one value of its column, in the Java representation of Calcite's
 * rows (Integer/Long epoch days and milliseconds, Float/Double, String, ...). Used where a value
 * is the same for many rows: each entry of a dictionary, a partition value, a column a file
 * lacks (NULL). It must agree with the vectorized kernels; tests compare both with Calcite.
 */
final class ValueEvaluator {
  /** Calcite's own LIKE (pattern cache inside), so the semantics are Calcite's by construction. */
  private static final SqlFunctions.LikeFunction LIKE = new SqlFunctions.LikeFunction();

  private ValueEvaluator() {}

  static byte leaf(ScanPredicate leaf, Object value) {
    if (leaf instanceof IsNull n) {
      return Tri.of(operandValue(n.operand(), value) == null);
    }
    if (leaf instanceof Compare c) {
      Object v = operandValue(c.operand(), value);
      return v == null ? Tri.NULL : Tri.of(compare(c.operand(), c.op(), v, c.literal()));
    }
    if (leaf instanceof In in) {
      Object v = operandValue(in.operand(), value);
      if (v == null) {
        return Tri.NULL;
      }
      for (Object l : in.literals()) {
        if (compare(in.operand(), CompareOp.EQ, v, l)) {
          return Tri.TRUE;
        }
      }
      return Tri.FALSE;
    }
    if (leaf instanceof Like like) {
      if (value == null) {
        return Tri.NULL;
      }
      String s = value.toString();
      return Tri.of(like.escape() == null ? LIKE.like(s, like.pattern()) : LIKE.like(s, like.pattern(), like.escape()));
    }
    throw new IllegalArgumentException("not a leaf predicate: " + leaf);
  }

  /** The operand's value for a column value (arithmetic applied), or null. */
  static Object operandValue(Operand operand, Object columnValue) {
    if (columnValue == null || operand instanceof Column) {
      return columnValue;
    }
    Arith a = (Arith) operand;
    if (a.resultKind() == dev.wafer.adapter.table.ColumnKind.DOUBLE) {
      return arith(a, ((Number) columnValue).doubleValue(), ((Number) a.literal()).doubleValue());
    }
    long r = arith(a, ((Number) columnValue).longValue(), ((Number) a.literal()).longValue());
    return a.resultKind() == dev.wafer.adapter.table.ColumnKind.INTEGER ? (long) (int) r : r;
  }

  static long arith(Arith a, long x, long l) {
    long left = a.literalFirst() ? l : x;
    long right = a.literalFirst() ? x : l;
    switch (a.op()) {
      case PLUS: return left + right;
      case MINUS: return left - right;
      default: return left * right;
    }
  }

  static double arith(Arith a, double x, double l) {
    double left = a.literalFirst() ? l : x;
    double right = a.literalFirst() ? x : l;
    switch (a.op()) {
      case PLUS: return left + right;
      case MINUS: return left - right;
      default: return left * right;
    }
  }

  /** {@code value op literal} for a non-null value, with the kernels' semantics. */
  static boolean compare(Operand operand, CompareOp op, Object value, Object literal) {
    switch (operand.domain()) {
      case LONG:
        return LongRange.of(op, literal).test(((Number) value).longValue());
      case DOUBLE:
        return compareDouble(op, ((Number) value).doubleValue(), ((Number) literal).doubleValue());
      case DECIMAL:
        return op.test(((BigDecimal) value).compareTo((BigDecimal) literal));
      case BOOLEAN:
        return LongRange.of(op, (Boolean) literal ? 1L : 0L).test((Boolean) value ? 1 : 0);
      default:
        return op.test(Integer.signum(((String) value).compareTo((String) literal)));
    }
  }

  /** Java's primitive comparison, as Calcite's generated code uses: NaN fails all but {@code <>}. */
  static boolean compareDouble(CompareOp op, double v, double l) {
    switch (op) {
      case EQ: return v == l;
      case NE: return v != l;
      case LT: return v < l;
      case LE: return v <= l;
      case GT: return v > l;
      default: return v >= l;
    }
  }
}
