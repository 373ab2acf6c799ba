package dev.wafer.adapter.predicate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.predicate.ScanPredicate.Arith;
import dev.wafer.adapter.predicate.ScanPredicate.ArithOp;
import dev.wafer.adapter.predicate.ScanPredicate.Column;
import dev.wafer.adapter.predicate.ScanPredicate.Compare;
import dev.wafer.adapter.table.ColumnKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/**
 * The fused two-bound selection ({@link DoubleKernels#strictBounds} then {@link
 * DoubleKernels#selectBounds}) against Java's own comparisons, over the values where rewriting
 * {@code >=} as {@code > nextDown} could go wrong: signed zeros, infinities, NaN, the smallest
 * subnormals and the neighbours of each literal; on the column and on its arithmetic with a
 * literal, read as {@code x * mul + add}.
 */
class DoubleKernelsTest {
  private static final Column X = new Column(0, "x", ColumnKind.DOUBLE, 0);
  private static final double[] LITERALS = {0.0, -0.0, 1.5, -2.25, Double.MIN_VALUE, -Double.MIN_VALUE,
      Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};

  private static double[] values() {
    List<Double> v = new ArrayList<>(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 3.0, -3.0));
    for (double l : LITERALS) {
      v.add(l);
      v.add(Math.nextUp(l));
      v.add(Math.nextDown(l));
    }
    return v.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static boolean holds(CompareOp op, double x, double l) {
    switch (op) {
      case GT: return x > l;
      case GE: return x >= l;
      case LT: return x < l;
      default: return x <= l;
    }
  }

  @Test
  void fusedBoundsSelectWhatTheComparisonsSelect() {
    double[] x = values();
    int[] positions = new int[x.length + 1];
    int checked = 0;
    try (BufferAllocator allocator = new RootAllocator(); ArrowBuf raw = allocator.buffer(8L * x.length)) {
      for (int i = 0; i < x.length; i++) {
        raw.setDouble(8L * i, x[i]);
      }
      checked = check(x, raw.memoryAddress(), X, v -> v, positions);
      // the ABS rewrite compares x - m; the other arithmetic forms too
      Column c = X;
      checked += check(x, raw.memoryAddress(), new Arith(c, ArithOp.MINUS, 1.5, ColumnKind.DOUBLE, false), v -> v - 1.5,
          positions);
      checked += check(x, raw.memoryAddress(), new Arith(c, ArithOp.MINUS, 1.5, ColumnKind.DOUBLE, true), v -> 1.5 - v,
          positions);
      checked += check(x, raw.memoryAddress(), new Arith(c, ArithOp.PLUS, -0.0, ColumnKind.DOUBLE, false), v -> v + -0.0,
          positions);
      checked += check(x, raw.memoryAddress(), new Arith(c, ArithOp.TIMES, -3.0, ColumnKind.DOUBLE, true), v -> -3.0 * v,
          positions);
    }
    assertThat(checked).isGreaterThan(1500);
  }

  /** Every op pair, literal pair, AND and OR over {@code operand}; returns the cases checked. */
  private static int check(double[] x, long address, ScanPredicate.Operand operand, DoubleUnaryOperator eval,
      int[] positions) {
    int checked = 0;
    double[] affine = DoubleKernels.affine(operand);
    for (CompareOp low : List.of(CompareOp.GT, CompareOp.GE)) {
      for (CompareOp high : List.of(CompareOp.LT, CompareOp.LE)) {
        for (double a : LITERALS) {
          for (double b : LITERALS) {
            for (boolean and : new boolean[] {true, false}) {
              List<ScanPredicate> terms = List.of(new Compare(operand, high, b), new Compare(operand, low, a));
              double[] bounds = DoubleKernels.strictBounds(terms);
              if (bounds == null) {
                assertThat(Double.isFinite(a) && Double.isFinite(b)).as("only infinite >=/<= literals are refused")
                    .isFalse();
                continue;
              }
              int k = DoubleKernels.selectBounds(address, affine[0], affine[1], bounds[0], bounds[1], and, x.length,
                  positions);
              List<Integer> expected = new ArrayList<>();
              for (int i = 0; i < x.length; i++) {
                double y = eval.applyAsDouble(x[i]);
                boolean p = holds(low, y, a);
                boolean q = holds(high, y, b);
                if (and ? p && q : p || q) {
                  expected.add(i);
                }
              }
              List<Integer> actual = new ArrayList<>();
              for (int i = 0; i < k; i++) {
                actual.add(positions[i]);
              }
              assertThat(actual).as("%s %s %s %s %s %s", operand, low, a, and ? "AND" : "OR", high, b)
                  .isEqualTo(expected);
              checked++;
            }
          }
        }
      }
    }
    return checked;
  }

  @Test
  void onlyOneLowerAndOneUpperBoundFuse() {
    assertThat(DoubleKernels.strictBounds(List.of(new Compare(X, CompareOp.GT, 1.0), new Compare(X, CompareOp.GT, 2.0))))
        .isNull();
    assertThat(DoubleKernels.strictBounds(List.of(new Compare(X, CompareOp.EQ, 1.0), new Compare(X, CompareOp.LT, 2.0))))
        .isNull();
    assertThat(DoubleKernels.strictBounds(List.of(new Compare(X, CompareOp.LT, 2.0), new Compare(X, CompareOp.GE, 1.0))))
        .containsExactly(Math.nextDown(1.0), 2.0);
  }
}
