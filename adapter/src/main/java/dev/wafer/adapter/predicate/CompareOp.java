package dev.wafer.adapter.predicate;

/** A comparison of a column (or column expression) with a literal, as SQL writes it. */
public enum CompareOp {
  EQ("="),
  NE("<>"),
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">=");

  private final String symbol;

  CompareOp(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** The operator with its operands swapped: {@code 5 < x} is {@code x > 5}. */
  public CompareOp flip() {
    switch (this) {
      case LT: return GT;
      case LE: return GE;
      case GT: return LT;
      case GE: return LE;
      default: return this;
    }
  }

  /** Whether a three-way comparison result {@code cmp} of (value, literal) satisfies the operator. */
  public boolean test(int cmp) {
    switch (this) {
      case EQ: return cmp == 0;
      case NE: return cmp != 0;
      case LT: return cmp < 0;
      case LE: return cmp <= 0;
      case GT: return cmp > 0;
      default: return cmp >= 0;
    }
  }
}
