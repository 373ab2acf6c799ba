package dev.wafer.adapter.predicate;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.table.ColumnKind;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A predicate pushed into a scan: a small typed tree (not strings) over table columns and
 * literals, evaluated with SQL three-valued logic by the vectorized kernels ({@link BatchFilter}),
 * on single values ({@link ValueEvaluator}) and on statistics ({@link RangePruner}).
 *
 * <p>Literals are held in the Java representation Calcite's enumerable runtime uses for the
 * column's SQL type, widened to one canonical class per {@link Domain}: {@link Long} for
 * integers, DATE (epoch days), TIMESTAMP and TIME (milliseconds); {@link Double} for REAL and
 * DOUBLE; {@link java.math.BigDecimal} for DECIMAL; {@link String}; {@link Boolean}. A literal of
 * an integer column may be a non-integral BigDecimal ({@code id < 2.5}); comparisons are exact.
 * Floating-point comparisons are Java's primitive ones (NaN is unequal to everything, -0.0 =
 * 0.0), which is what Calcite's generated code does without pushdown.
 */
public sealed interface ScanPredicate {

  /** Adds the table ordinals of the columns this predicate reads. */
  void columns(BitSet out);

  /** The value class family of a column kind. */
  enum Domain {
    LONG, DOUBLE, DECIMAL, STRING, BOOLEAN;

    public static Domain of(ColumnKind kind) {
      switch (kind) {
        case REAL: case DOUBLE: return DOUBLE;
        case DECIMAL: return DECIMAL;
        case VARCHAR: return STRING;
        case BOOLEAN: return BOOLEAN;
        default: return LONG;
      }
    }
  }

  /** What a comparison reads from a row: a column, or a column combined with a literal. */
  sealed interface Operand {
    Column column();

    /** Domain of the operand's value. */
    Domain domain();
  }

  /**
   * A table column.
   *
   * @param ordinal position in the table's columns
   * @param name column name, for plans
   * @param kind physical kind
   * @param scale DECIMAL scale (else -1)
   */
  record Column(int ordinal, String name, ColumnKind kind, int scale) implements Operand {
    public Column {
      requireNonNull(name, "name");
      requireNonNull(kind, "kind");
    }

    @Override
    public Column column() {
      return this;
    }

    @Override
    public Domain domain() {
      return Domain.of(kind);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Arithmetic operators a pushed operand may apply. */
  enum ArithOp {
    PLUS("+"), MINUS("-"), TIMES("*");

    final String symbol;

    ArithOp(String symbol) {
      this.symbol = symbol;
    }
  }

  /**
   * {@code column op literal} computed as Calcite's generated Java code computes it: in {@code
   * int} (wrapping) for an INTEGER result, {@code long} for BIGINT, {@code double} for DOUBLE.
   *
   * @param column an integer or floating-point column (not DECIMAL, not a date or time)
   * @param op the operator
   * @param literal Long for integer results, Double for DOUBLE results
   * @param resultKind INTEGER, BIGINT or DOUBLE
   * @param literalFirst whether the literal is the left operand ({@code 10 - x})
   */
  record Arith(Column column, ArithOp op, Object literal, ColumnKind resultKind, boolean literalFirst)
      implements Operand {
    public Arith {
      requireNonNull(column, "column");
      requireNonNull(op, "op");
      requireNonNull(literal, "literal");
      if (resultKind != ColumnKind.INTEGER && resultKind != ColumnKind.BIGINT && resultKind != ColumnKind.DOUBLE) {
        throw new IllegalArgumentException("arithmetic result must be INTEGER, BIGINT or DOUBLE: " + resultKind);
      }
    }

    @Override
    public Domain domain() {
      return Domain.of(resultKind);
    }

    @Override
    public String toString() {
      return literalFirst ? "(" + literal + " " + op.symbol + " " + column + ")"
          : "(" + column + " " + op.symbol + " " + literal + ")";
    }
  }

  /** {@code operand op literal}; NULL when the operand is NULL. */
  record Compare(Operand operand, CompareOp op, Object literal) implements ScanPredicate {
    public Compare {
      requireNonNull(operand, "operand");
      requireNonNull(op, "op");
      requireNonNull(literal, "literal");
    }

    @Override
    public void columns(BitSet out) {
      out.set(operand.column().ordinal());
    }

    @Override
    public String toString() {
      return operand + " " + op.symbol() + " " + Literals.format(operand, literal);
    }
  }

  /** {@code operand IN (literals)}: TRUE when equal to one, NULL when the operand is NULL. */
  record In(Operand operand, List<Object> literals) implements ScanPredicate {
    public In {
      requireNonNull(operand, "operand");
      literals = List.copyOf(literals);
    }

    @Override
    public void columns(BitSet out) {
      out.set(operand.column().ordinal());
    }

    @Override
    public String toString() {
      return operand + " IN (" + literals.stream().map(l -> Literals.format(operand, l))
          .collect(Collectors.joining(", ")) + ")";
    }
  }

  /** {@code operand IS NULL}: never NULL itself. */
  record IsNull(Operand operand) implements ScanPredicate {
    public IsNull {
      requireNonNull(operand, "operand");
    }

    @Override
    public void columns(BitSet out) {
      out.set(operand.column().ordinal());
    }

    @Override
    public String toString() {
      return operand + " IS NULL";
    }
  }

  /**
   * {@code column LIKE pattern [ESCAPE escape]} on a string column, with Calcite's semantics.
   *
   * @param escape the escape character, or null
   */
  record Like(Column column, String pattern, String escape) implements ScanPredicate {
    public Like {
      requireNonNull(column, "column");
      requireNonNull(pattern, "pattern");
    }

    @Override
    public void columns(BitSet out) {
      out.set(column.ordinal());
    }

    @Override
    public String toString() {
      return column + " LIKE '" + pattern.replace("'", "''") + "'"
          + (escape == null ? "" : " ESCAPE '" + escape + "'");
    }
  }

  /** Conjunction of two or more predicates. */
  record And(List<ScanPredicate> terms) implements ScanPredicate {
    public And {
      terms = List.copyOf(terms);
    }

    @Override
    public void columns(BitSet out) {
      terms.forEach(t -> t.columns(out));
    }

    @Override
    public String toString() {
      return terms.stream().map(Object::toString).collect(Collectors.joining(" AND ", "(", ")"));
    }
  }

  /** Disjunction of two or more predicates. */
  record Or(List<ScanPredicate> terms) implements ScanPredicate {
    public Or {
      terms = List.copyOf(terms);
    }

    @Override
    public void columns(BitSet out) {
      terms.forEach(t -> t.columns(out));
    }

    @Override
    public String toString() {
      return terms.stream().map(Object::toString).collect(Collectors.joining(" OR ", "(", ")"));
    }
  }

  /** Negation; NOT NULL is NULL. */
  record Not(ScanPredicate term) implements ScanPredicate {
    public Not {
      requireNonNull(term, "term");
    }

    @Override
    public void columns(BitSet out) {
      term.columns(out);
    }

    @Override
    public String toString() {
      return "NOT " + term;
    }
  }

  /**
   * {@code term IS TRUE} ({@code nullValue} false) or {@code term IS NOT FALSE} ({@code nullValue}
   * true): the term with NULL replaced by a definite value.
   */
  record NullAs(ScanPredicate term, boolean nullValue) implements ScanPredicate {
    public NullAs {
      requireNonNull(term, "term");
    }

    @Override
    public void columns(BitSet out) {
      term.columns(out);
    }

    @Override
    public String toString() {
      return "(" + term + ") IS " + (nullValue ? "NOT FALSE" : "TRUE");
    }
  }

  /** The conjunction of predicates (null when the list is empty, the single one when alone). */
  static ScanPredicate and(List<ScanPredicate> terms) {
    if (terms.isEmpty()) {
      return null;
    }
    return terms.size() == 1 ? terms.get(0) : new And(terms);
  }
}
