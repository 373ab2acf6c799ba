package dev.wafer.adapter.predicate;

import dev.wafer.adapter.predicate.ScanPredicate.Arith;
import dev.wafer.adapter.predicate.ScanPredicate.Compare;
import dev.wafer.adapter.predicate.ScanPredicate.Operand;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.Types.MinorType;

/** The loops {@link BatchFilter} runs on DOUBLE operands: reading them, and comparing with a literal. */
final class DoubleKernels {
  private DoubleKernels() {}

  /**
   * The operand's values (column, or column-and-literal arithmetic) as doubles.
   *
   * @param x receives the values (at least {@code rows} long)
   * @param longs scratch for integer columns (at least {@code rows} long)
   */
  static double[] values(Operand operand, FieldVector v, double[] x, long[] longs, int rows) {
    MinorType type = v.getMinorType();
    if (RawColumn.isDouble(type)) {
      RawColumn.readDoubles(v, x, rows);
    } else {
      RawColumn.readLongs(v, longs, rows);
      for (int i = 0; i < rows; i++) {
        x[i] = longs[i];
      }
    }
    if (operand instanceof Arith a) {
      double l = ((Number) a.literal()).doubleValue();
      for (int i = 0; i < rows; i++) {
        x[i] = ValueEvaluator.arith(a, x[i], l);
      }
    }
    return x;
  }

  /** {@code out[i] = x[i] op l} (TRUE or FALSE; nulls are applied after). */
  static void compare(CompareOp op, double l, double[] x, byte[] out, int rows) {
    switch (op) {
      case EQ: for (int i = 0; i < rows; i++) { out[i] = Tri.of(x[i] == l); } return;
      case NE: for (int i = 0; i < rows; i++) { out[i] = Tri.of(x[i] != l); } return;
      case LT: for (int i = 0; i < rows; i++) { out[i] = Tri.of(x[i] < l); } return;
      case LE: for (int i = 0; i < rows; i++) { out[i] = Tri.of(x[i] <= l); } return;
      case GT: for (int i = 0; i < rows; i++) { out[i] = Tri.of(x[i] > l); } return;
      default: for (int i = 0; i < rows; i++) { out[i] = Tri.of(x[i] >= l); } return;
    }
  }

  /**
   * Two comparisons of one operand as strict bounds {@code {lo, hi}} (the terms hold for
   * {@code x > lo} and {@code x < hi}), or null unless one term is a lower bound and the other an
   * upper one. {@code x >= l} is exactly {@code x > nextDown(l)} for finite l (NaN fails both).
   */
  static double[] strictBounds(java.util.List<ScanPredicate> terms) {
    double lo = Double.NaN;
    double hi = Double.NaN;
    int lows = 0;
    int highs = 0;
    for (ScanPredicate t : terms) {
      Compare c = (Compare) t;
      double l = ((Number) c.literal()).doubleValue();
      boolean finite = Double.isFinite(l);
      switch (c.op()) {
        case GT: lo = l; lows++; break;
        case GE: if (!finite) { return null; } lo = Math.nextDown(l); lows++; break;
        case LT: hi = l; highs++; break;
        case LE: if (!finite) { return null; } hi = Math.nextUp(l); highs++; break;
        default: return null;
      }
    }
    return lows == 1 && highs == 1 ? new double[] {lo, hi} : null;
  }

  /**
   * The operand as {@code x * mul + add} (exact: multiplying by ±1 is exact, {@code a - b} is
   * {@code a + (-b)} in IEEE arithmetic, and adding 0 only turns -0.0 into 0.0, which compare
   * equal), or null when it is not an arithmetic on a column or a column itself.
   */
  static double[] affine(Operand operand) {
    if (!(operand instanceof Arith a)) {
      return new double[] {1, 0};
    }
    double l = ((Number) a.literal()).doubleValue();
    switch (a.op()) {
      case PLUS: return new double[] {1, l};
      case MINUS: return a.literalFirst() ? new double[] {-1, l} : new double[] {1, -l};
      default: return new double[] {l, 0};
    }
  }

  /**
   * Positions of the rows whose value {@code y = x * mul + add} (x the FLOAT8 at {@code address})
   * has {@code y > lo AND y < hi} (or OR), in one branch-free pass over the raw buffer; returns
   * their number ({@code positions} needs a spare slot, or is null to count only: the test is
   * loop-invariant, the JIT unswitches it).
   */
  static int selectBounds(long address, double mul, double add, double lo, double hi, boolean and, int rows,
      int[] positions) {
    int k = 0;
    if (and) {
      for (int i = 0; i < rows; i++) {
        double y = Double.longBitsToDouble(MemoryUtil.getLong(address + 8L * i)) * mul + add;
        if (positions != null) {
          positions[k] = i;
        }
        k += (y > lo ? 1 : 0) & (y < hi ? 1 : 0);
      }
    } else {
      for (int i = 0; i < rows; i++) {
        double y = Double.longBitsToDouble(MemoryUtil.getLong(address + 8L * i)) * mul + add;
        if (positions != null) {
          positions[k] = i;
        }
        k += (y > lo ? 1 : 0) | (y < hi ? 1 : 0);
      }
    }
    return k;
  }
}
