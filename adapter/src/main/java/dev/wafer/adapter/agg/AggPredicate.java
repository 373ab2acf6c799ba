package dev.wafer.adapter.agg;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A condition of a FILTER (WHERE …) clause or a conditional sum, as a small typed tree over scan
 * columns. Evaluated a batch at a time in SQL's three-valued logic by {@link PredicateEvaluator};
 * only rows where it is TRUE count.
 */
public sealed interface AggPredicate {
  /** Comparison operators; strings support only {@link #EQ} and {@link #NE}. */
  enum Op { EQ, NE, LT, LE, GT, GE }

  /**
   * {@code column op literal}.
   *
   * @param literal Long (integers, dates as epoch days, timestamps as epoch millis, booleans 0/1),
   *     Double, or String
   */
  record Compare(int column, Op op, Object literal) implements AggPredicate {
    public Compare {
      requireNonNull(op, "op");
      requireNonNull(literal, "literal");
    }
  }

  /** {@code column IS NULL}, or IS NOT NULL when {@code negated}. */
  record IsNull(int column, boolean negated) implements AggPredicate {}

  /** A BOOLEAN column used as a condition. */
  record IsTrue(int column) implements AggPredicate {}

  record And(List<AggPredicate> operands) implements AggPredicate {
    public And {
      operands = List.copyOf(operands);
    }
  }

  record Or(List<AggPredicate> operands) implements AggPredicate {
    public Or {
      operands = List.copyOf(operands);
    }
  }

  record Not(AggPredicate operand) implements AggPredicate {
    public Not {
      requireNonNull(operand, "operand");
    }
  }

  /**
   * {@code operand IS NOT TRUE}: TRUE where the operand is FALSE or NULL, never NULL. It is the
   * ELSE branch of {@code CASE WHEN operand THEN … ELSE … END}.
   */
  record IsNotTrue(AggPredicate operand) implements AggPredicate {
    public IsNotTrue {
      requireNonNull(operand, "operand");
    }
  }

  /** Adds the scan columns the condition reads to {@code out}. */
  static void columns(AggPredicate p, java.util.Set<Integer> out) {
    if (p instanceof Compare c) {
      out.add(c.column());
    } else if (p instanceof IsNull n) {
      out.add(n.column());
    } else if (p instanceof IsTrue t) {
      out.add(t.column());
    } else if (p instanceof And a) {
      a.operands().forEach(o -> columns(o, out));
    } else if (p instanceof Or o) {
      o.operands().forEach(x -> columns(x, out));
    } else if (p instanceof Not n) {
      columns(n.operand(), out);
    } else if (p instanceof IsNotTrue n) {
      columns(n.operand(), out);
    }
  }
}
