package dev.wafer.adapter.predicate;

import dev.wafer.adapter.predicate.ScanPredicate.Arith;
import dev.wafer.adapter.predicate.ScanPredicate.Operand;
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
}
