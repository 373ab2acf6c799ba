package dev.wafer.adapter.agg;

import dev.wafer.adapter.agg.AggPredicate.And;
import dev.wafer.adapter.agg.AggPredicate.Compare;
import dev.wafer.adapter.agg.AggPredicate.IsNull;
import dev.wafer.adapter.agg.AggPredicate.IsTrue;
import dev.wafer.adapter.agg.AggPredicate.Not;
import dev.wafer.adapter.agg.AggPredicate.Or;

/**
 * Evaluates an {@link AggPredicate} over a batch into one byte per row: {@link #TRUE}, {@link
 * #FALSE} or {@link #UNKNOWN} (SQL's NULL), a node at a time (one dispatch per node and batch,
 * then a loop over the rows). Then {@link #select} turns the TRUE rows into positions.
 */
final class PredicateEvaluator {
  static final byte FALSE = 0;
  static final byte TRUE = 1;
  static final byte UNKNOWN = 2;

  private final StringCodes codes;

  PredicateEvaluator(StringCodes codes) {
    this.codes = codes;
  }

  void eval(AggPredicate p, ColumnBatch[] cols, int rows, byte[] out) {
    if (p instanceof Compare c) {
      compare(c, cols[c.column()], rows, out);
    } else if (p instanceof IsNull n) {
      ColumnBatch v = cols[n.column()];
      for (int i = 0; i < rows; i++) {
        out[i] = v.isNull(i) != n.negated() ? TRUE : FALSE;
      }
    } else if (p instanceof IsTrue t) {
      ColumnBatch v = cols[t.column()];
      for (int i = 0; i < rows; i++) {
        out[i] = v.isNull(i) ? UNKNOWN : v.longs[i] != 0 ? TRUE : FALSE;
      }
    } else if (p instanceof AggPredicate.IsNotTrue n) {
      eval(n.operand(), cols, rows, out);
      for (int i = 0; i < rows; i++) {
        out[i] = out[i] == TRUE ? FALSE : TRUE;
      }
    } else if (p instanceof Not n) {
      eval(n.operand(), cols, rows, out);
      for (int i = 0; i < rows; i++) {
        out[i] = out[i] == UNKNOWN ? UNKNOWN : (byte) (1 - out[i]);
      }
    } else {
      boolean and = p instanceof And;
      var operands = and ? ((And) p).operands() : ((Or) p).operands();
      byte[] tmp = new byte[rows];
      eval(operands.get(0), cols, rows, out);
      for (int o = 1; o < operands.size(); o++) {
        eval(operands.get(o), cols, rows, tmp);
        for (int i = 0; i < rows; i++) {
          out[i] = and ? and(out[i], tmp[i]) : or(out[i], tmp[i]);
        }
      }
    }
  }

  private static byte and(byte a, byte b) {
    return a == FALSE || b == FALSE ? FALSE : a == UNKNOWN || b == UNKNOWN ? UNKNOWN : TRUE;
  }

  private static byte or(byte a, byte b) {
    return a == TRUE || b == TRUE ? TRUE : a == UNKNOWN || b == UNKNOWN ? UNKNOWN : FALSE;
  }

  private void compare(Compare c, ColumnBatch v, int rows, byte[] out) {
    AggPredicate.Op op = c.op();
    if (c.literal() instanceof Double d) {
      double lit = d;
      double[] x = v.doubles;
      for (int i = 0; i < rows; i++) {
        out[i] = v.isNull(i) ? UNKNOWN : test(x[i] < lit ? -1 : x[i] > lit ? 1 : 0, op, x[i] == lit);
      }
      return;
    }
    long lit;
    if (c.literal() instanceof String s) {
      lit = codes.existing(s);
      if (lit < 0) {
        // no row of the query has this string: = is never true, <> always
        for (int i = 0; i < rows; i++) {
          out[i] = v.isNull(i) ? UNKNOWN : op == AggPredicate.Op.NE ? TRUE : FALSE;
        }
        return;
      }
    } else {
      lit = ((Number) c.literal()).longValue();
    }
    long[] x = v.longs;
    for (int i = 0; i < rows; i++) {
      out[i] = v.isNull(i) ? UNKNOWN : test(Long.compare(x[i], lit), op, x[i] == lit);
    }
  }

  private static byte test(int cmp, AggPredicate.Op op, boolean equal) {
    boolean r;
    switch (op) {
      case EQ: r = equal; break;
      case NE: r = !equal; break;
      case LT: r = cmp < 0; break;
      case LE: r = cmp <= 0; break;
      case GT: r = cmp > 0; break;
      default: r = cmp >= 0; break;
    }
    return r ? TRUE : FALSE;
  }

  /**
   * Positions of the rows that are in {@code base} (all rows when null) and TRUE in {@code mask}.
   *
   * @return the number of positions written to {@code out}
   */
  static int select(byte[] mask, int[] base, int n, int[] out) {
    int k = 0;
    for (int i = 0; i < n; i++) {
      int r = base == null ? i : base[i];
      out[k] = r;
      k += mask[r] & TRUE; // 1 for TRUE only (UNKNOWN is 2): no compare per row
    }
    return k;
  }
}
