package dev.wafer.adapter.predicate;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.predicate.ScanPredicate.And;
import dev.wafer.adapter.predicate.ScanPredicate.Arith;
import dev.wafer.adapter.predicate.ScanPredicate.ArithOp;
import dev.wafer.adapter.predicate.ScanPredicate.Column;
import dev.wafer.adapter.predicate.ScanPredicate.Compare;
import dev.wafer.adapter.predicate.ScanPredicate.Domain;
import dev.wafer.adapter.predicate.ScanPredicate.In;
import dev.wafer.adapter.predicate.ScanPredicate.IsNull;
import dev.wafer.adapter.predicate.ScanPredicate.Like;
import dev.wafer.adapter.predicate.ScanPredicate.Not;
import dev.wafer.adapter.predicate.ScanPredicate.NullAs;
import dev.wafer.adapter.predicate.ScanPredicate.Operand;
import dev.wafer.adapter.predicate.ScanPredicate.Or;
import dev.wafer.adapter.table.ColumnKind;
import dev.wafer.adapter.table.TableColumn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Translates a Calcite filter condition over a scan's output into a {@link ScanPredicate} over
 * table columns, conjunct by conjunct: a conjunct is pushed whole or stays whole in the residual.
 *
 * <p>Pushed: comparisons of a column (possibly under an exact widening cast, or combined with a
 * literal by {@code + - *}) with a literal (casts of literals are folded); {@code SEARCH} (BETWEEN,
 * IN, NOT IN, ranges) by the same expansion Calcite's enumerable code uses, so the semantics
 * match; IS [NOT] NULL, IS [NOT] TRUE/FALSE, AND/OR/NOT, LIKE on strings; {@code CAST(ts AS DATE)
 * op DATE '…'} as the equivalent range of {@code ts}. Not pushed: anything else, string order
 * comparisons with literals where Java's UTF-16 order differs from UTF-8 byte order, DECIMAL
 * columns over 18 digits, NULL literals.
 */
public final class PredicateTranslator {
  private static final long DAY_MILLIS = 86_400_000L;

  private final RexBuilder rexBuilder;
  private final RexExecutor executor;
  private final List<TableColumn> tableColumns;
  private final List<Integer> outputOrdinals;

  /**
   * @param tableColumns every column of the table
   * @param outputOrdinals the table ordinal of each field of the filter's input
   */
  public PredicateTranslator(RexBuilder rexBuilder, RexExecutor executor, List<TableColumn> tableColumns,
      List<Integer> outputOrdinals) {
    this.rexBuilder = requireNonNull(rexBuilder, "rexBuilder");
    this.executor = executor == null ? RexUtil.EXECUTOR : executor;
    this.tableColumns = List.copyOf(tableColumns);
    this.outputOrdinals = List.copyOf(outputOrdinals);
  }

  /** Splits a condition into pushed and residual conjuncts. */
  public PushdownSplit split(RexNode condition) {
    List<ScanPredicate> pushed = new ArrayList<>();
    List<RexNode> residual = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
      ScanPredicate p = translate(conjunct);
      if (p == null) {
        residual.add(conjunct);
      } else {
        pushed.add(p);
      }
    }
    return new PushdownSplit(ScanPredicate.and(pushed), residual);
  }

  /** The predicate for a boolean expression, or null when it cannot be pushed. */
  public ScanPredicate translate(RexNode node) {
    if (node instanceof RexInputRef ref) {
      Column c = column(ref);
      return c != null && c.kind() == ColumnKind.BOOLEAN ? new Compare(c, CompareOp.EQ, Boolean.TRUE) : null;
    }
    if (!(node instanceof RexCall call)) {
      return null;
    }
    switch (call.getKind()) {
      case AND:
      case OR: {
        List<ScanPredicate> terms = new ArrayList<>();
        for (RexNode o : call.getOperands()) {
          ScanPredicate t = translate(o);
          if (t == null) {
            return null;
          }
          terms.add(t);
        }
        return call.getKind() == SqlKind.AND ? andOf(terms) : orOf(terms);
      }
      case NOT: {
        ScanPredicate t = translate(call.getOperands().get(0));
        return t == null ? null : new Not(t);
      }
      case IS_NULL:
      case IS_NOT_NULL: {
        Operand o = operand(call.getOperands().get(0));
        if (o == null) {
          return null;
        }
        return call.getKind() == SqlKind.IS_NULL ? new IsNull(o) : new Not(new IsNull(o));
      }
      case IS_TRUE:
      case IS_NOT_TRUE:
      case IS_FALSE:
      case IS_NOT_FALSE:
        return truth(call);
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return comparison(call);
      case LIKE:
        return like(call);
      case SEARCH:
        return translate(RexUtil.expandSearch(rexBuilder, null, call));
      default:
        return null;
    }
  }

  private ScanPredicate truth(RexCall call) {
    ScanPredicate t = translate(call.getOperands().get(0));
    if (t == null) {
      return null;
    }
    switch (call.getKind()) {
      case IS_TRUE: return new NullAs(t, false);
      case IS_NOT_TRUE: return new Not(new NullAs(t, false));
      case IS_FALSE: return new NullAs(new Not(t), false);
      default: return new NullAs(t, true);
    }
  }

  /** AND of terms; {@code x <> a AND x <> b} becomes {@code NOT x IN (a, b)}. */
  private static ScanPredicate andOf(List<ScanPredicate> terms) {
    Operand same = sameOperand(terms, CompareOp.NE);
    if (same != null) {
      return new Not(new In(same, terms.stream().map(t -> ((Compare) t).literal()).toList()));
    }
    return new And(terms);
  }

  /** OR of terms; {@code x = a OR x = b} becomes {@code x IN (a, b)}. */
  private static ScanPredicate orOf(List<ScanPredicate> terms) {
    Operand same = sameOperand(terms, CompareOp.EQ);
    if (same != null) {
      return new In(same, terms.stream().map(t -> ((Compare) t).literal()).toList());
    }
    return new Or(terms);
  }

  private static Operand sameOperand(List<ScanPredicate> terms, CompareOp op) {
    Operand first = null;
    for (ScanPredicate t : terms) {
      if (!(t instanceof Compare c) || c.op() != op || (first != null && !first.equals(c.operand()))) {
        return null;
      }
      first = c.operand();
    }
    return first;
  }

  private ScanPredicate comparison(RexCall call) {
    CompareOp op = op(call.getKind());
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    RexLiteral literal = literal(right);
    RexNode expr = left;
    if (literal == null) {
      literal = literal(left);
      expr = right;
      op = op.flip();
    }
    if (literal == null || literal.isNull()) {
      return null;
    }
    ScanPredicate dateOfTimestamp = dateOfTimestamp(expr, op, literal);
    if (dateOfTimestamp != null) {
      return dateOfTimestamp;
    }
    ScanPredicate abs = absComparison(expr, op, literal);
    if (abs != null) {
      return abs;
    }
    Operand o = operand(expr);
    if (o == null) {
      return null;
    }
    Object value = value(o, literal, op);
    return value == null ? null : new Compare(o, op, value);
  }

  /**
   * {@code ABS(e) op k} on DOUBLE as comparisons of {@code e} with {@code k} and {@code -k} (exact:
   * negation and ABS do not round; NaN, infinities and -0.0 compare the same both ways), so that
   * {@code ABS(x - mean) > 3 * sigma} runs in the kernels. Not for integers, whose ABS overflows.
   */
  private ScanPredicate absComparison(RexNode expr, CompareOp op, RexLiteral literal) {
    if (!(expr instanceof RexCall call) || call.getOperator() != SqlStdOperatorTable.ABS
        || call.getType().getSqlTypeName() != SqlTypeName.DOUBLE) {
      return null;
    }
    Operand o = operand(call.getOperands().get(0));
    if (o == null || o.domain() != Domain.DOUBLE || !(literal.getValue() instanceof Number number)) {
      return null;
    }
    double k = number.doubleValue();
    Compare up = new Compare(o, op, k);
    double minusK = -k;
    switch (op) {
      case GT: return new Or(List.of(up, new Compare(o, CompareOp.LT, minusK)));
      case GE: return new Or(List.of(up, new Compare(o, CompareOp.LE, minusK)));
      case LT: return new And(List.of(up, new Compare(o, CompareOp.GT, minusK)));
      case LE: return new And(List.of(up, new Compare(o, CompareOp.GE, minusK)));
      case EQ: return new Or(List.of(up, new Compare(o, CompareOp.EQ, minusK)));
      default: return new And(List.of(up, new Compare(o, CompareOp.NE, minusK)));
    }
  }

  private static CompareOp op(SqlKind kind) {
    switch (kind) {
      case EQUALS: return CompareOp.EQ;
      case NOT_EQUALS: return CompareOp.NE;
      case LESS_THAN: return CompareOp.LT;
      case LESS_THAN_OR_EQUAL: return CompareOp.LE;
      case GREATER_THAN: return CompareOp.GT;
      default: return CompareOp.GE;
    }
  }

  /**
   * {@code CAST(ts AS DATE) op DATE 'd'} as a range of {@code ts} (Calcite's cast is {@code
   * floorDiv(ms, day)}), so a filter written the way Tableau writes it prunes day partitions.
   */
  private ScanPredicate dateOfTimestamp(RexNode expr, CompareOp op, RexLiteral literal) {
    if (expr.getKind() != SqlKind.CAST || expr.getType().getSqlTypeName() != SqlTypeName.DATE
        || literal.getType().getSqlTypeName() != SqlTypeName.DATE) {
      return null;
    }
    RexNode inner = ((RexCall) expr).getOperands().get(0);
    if (!(inner instanceof RexInputRef ref)) {
      return null;
    }
    Column ts = column(ref);
    if (ts == null || ts.kind() != ColumnKind.TIMESTAMP) {
      return null;
    }
    Integer days = literal.getValueAs(Integer.class);
    if (days == null) {
      return null;
    }
    long first = days * DAY_MILLIS;
    long last = first + DAY_MILLIS - 1;
    switch (op) {
      case EQ:
        return new And(List.of(new Compare(ts, CompareOp.GE, first), new Compare(ts, CompareOp.LE, last)));
      case NE:
        return new Or(List.of(new Compare(ts, CompareOp.LT, first), new Compare(ts, CompareOp.GT, last)));
      case LT: return new Compare(ts, CompareOp.LT, first);
      case LE: return new Compare(ts, CompareOp.LE, last);
      case GT: return new Compare(ts, CompareOp.GT, last);
      default: return new Compare(ts, CompareOp.GE, first);
    }
  }

  private ScanPredicate like(RexCall call) {
    if (call.getOperator() != SqlStdOperatorTable.LIKE && call.getOperator() != SqlStdOperatorTable.NOT_LIKE) {
      return null; // ILIKE, SIMILAR TO, RLIKE: not pushed
    }
    Operand o = operand(call.getOperands().get(0));
    RexLiteral pattern = literal(call.getOperands().get(1));
    if (!(o instanceof Column c) || c.kind() != ColumnKind.VARCHAR || pattern == null || pattern.isNull()) {
      return null;
    }
    String escape = null;
    if (call.getOperands().size() > 2) {
      RexLiteral e = literal(call.getOperands().get(2));
      if (e == null || e.isNull()) {
        return null;
      }
      escape = e.getValueAs(String.class);
    }
    Like like = new Like(c, pattern.getValueAs(String.class), escape);
    return call.getOperator() == SqlStdOperatorTable.NOT_LIKE ? new Not(like) : like;
  }

  /** A column, an exactly widened column, or column-and-literal arithmetic; else null. */
  Operand operand(RexNode node) {
    if (node instanceof RexInputRef ref) {
      return column(ref);
    }
    if (!(node instanceof RexCall call)) {
      return null;
    }
    if (call.getKind() == SqlKind.CAST) {
      RexNode inner = call.getOperands().get(0);
      Column c = inner instanceof RexInputRef ref ? column(ref) : null;
      return c != null && exactWidening(c, call.getType()) ? c : null;
    }
    ArithOp op = call.getKind() == SqlKind.PLUS ? ArithOp.PLUS : call.getKind() == SqlKind.MINUS ? ArithOp.MINUS
        : call.getKind() == SqlKind.TIMES ? ArithOp.TIMES : null;
    if (op == null || call.getOperands().size() != 2) {
      return null;
    }
    ColumnKind result = arithKind(call.getType().getSqlTypeName());
    boolean literalFirst = literal(call.getOperands().get(0)) != null;
    RexLiteral lit = literal(call.getOperands().get(literalFirst ? 0 : 1));
    Operand inner = operand(call.getOperands().get(literalFirst ? 1 : 0));
    if (result == null || lit == null || lit.isNull() || !(inner instanceof Column c)
        || !arithColumn(c.kind(), result) || !SqlTypeFamily.NUMERIC.contains(lit.getType())) {
      return null;
    }
    BigDecimal l = lit.getValueAs(BigDecimal.class);
    if (l == null) {
      return null;
    }
    if (result == ColumnKind.DOUBLE) {
      return new Arith(c, op, lit.getValueAs(Double.class), result, literalFirst);
    }
    if (l.stripTrailingZeros().scale() > 0) {
      return null;
    }
    try {
      return new Arith(c, op, l.longValueExact(), result, literalFirst);
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private static ColumnKind arithKind(SqlTypeName t) {
    switch (t) {
      case INTEGER: return ColumnKind.INTEGER;
      case BIGINT: return ColumnKind.BIGINT;
      case DOUBLE: return ColumnKind.DOUBLE;
      default: return null;
    }
  }

  /** Whether Java arithmetic on the column's values in the result type is what Calcite computes. */
  private static boolean arithColumn(ColumnKind column, ColumnKind result) {
    switch (column) {
      case TINYINT: case SMALLINT: case INTEGER:
        return true;
      case BIGINT:
        return result != ColumnKind.INTEGER;
      case REAL: case DOUBLE:
        return result == ColumnKind.DOUBLE;
      default:
        return false;
    }
  }

  /** Whether CAST(column AS target) keeps every value exactly (so comparing the column is the same). */
  private boolean exactWidening(Column c, org.apache.calcite.rel.type.RelDataType type) {
    SqlTypeName target = type.getSqlTypeName();
    if (target == SqlTypeName.DECIMAL && c.kind() == ColumnKind.DECIMAL) {
      TableColumn t = tableColumns.get(c.ordinal());
      return type.getScale() >= t.scale() && type.getPrecision() - type.getScale() >= t.precision() - t.scale();
    }
    if (target == SqlTypeName.DECIMAL && type.getScale() >= 0) {
      int digits = integerDigits(c.kind());
      return digits > 0 && type.getPrecision() - type.getScale() >= digits;
    }
    switch (c.kind()) {
      case TINYINT: case SMALLINT: case INTEGER:
        return target == SqlTypeName.SMALLINT && c.kind() != ColumnKind.INTEGER || target == SqlTypeName.INTEGER
            || target == SqlTypeName.BIGINT || target == SqlTypeName.DOUBLE;
      case BIGINT:
        return target == SqlTypeName.BIGINT;
      case REAL:
        return target == SqlTypeName.DOUBLE || target == SqlTypeName.REAL;
      case DOUBLE:
        return target == SqlTypeName.DOUBLE;
      default:
        return false;
    }
  }

  /** Decimal digits of the largest value of an integer kind, or 0 for other kinds. */
  private static int integerDigits(ColumnKind kind) {
    switch (kind) {
      case TINYINT: return 3;
      case SMALLINT: return 5;
      case INTEGER: return 10;
      case BIGINT: return 19;
      default: return 0;
    }
  }

  private Column column(RexInputRef ref) {
    int ordinal = outputOrdinals.get(ref.getIndex());
    TableColumn t = tableColumns.get(ordinal);
    if (t.kind() == ColumnKind.DECIMAL && t.precision() > 18) {
      return null; // unscaled values do not fit the long kernels
    }
    return new Column(ordinal, t.name(), t.kind(), t.kind() == ColumnKind.DECIMAL ? t.scale() : -1);
  }

  /** The node as a non-null-checked literal, folding constant expressions (casts of literals). */
  private RexLiteral literal(RexNode node) {
    if (node instanceof RexLiteral l) {
      return l;
    }
    if (!RexUtil.isConstant(node) || !RexUtil.isDeterministic(node)) {
      return null;
    }
    List<RexNode> out = new ArrayList<>();
    try {
      executor.reduce(rexBuilder, List.of(node), out);
    } catch (RuntimeException e) {
      return null; // a cast that fails at run time stays with Calcite, which reports it
    }
    return out.size() == 1 && out.get(0) instanceof RexLiteral l ? l : null;
  }

  /** The literal in the operand's domain representation, or null when not pushable. */
  private static Object value(Operand o, RexLiteral literal, CompareOp op) {
    SqlTypeName lt = literal.getType().getSqlTypeName();
    Domain domain = o.domain();
    ColumnKind kind = o instanceof Column c ? c.kind() : null;
    switch (domain) {
      case LONG:
        if (kind == ColumnKind.DATE || kind == ColumnKind.TIMESTAMP || kind == ColumnKind.TIME) {
          SqlTypeName want = kind == ColumnKind.DATE ? SqlTypeName.DATE
              : kind == ColumnKind.TIME ? SqlTypeName.TIME : SqlTypeName.TIMESTAMP;
          if (lt != want) {
            return null;
          }
          Number n = kind == ColumnKind.TIMESTAMP ? literal.getValueAs(Long.class) : literal.getValueAs(Integer.class);
          return n == null ? null : n.longValue();
        }
        return exactNumber(literal);
      case DOUBLE:
        if (!SqlTypeFamily.NUMERIC.contains(literal.getType())) {
          return null;
        }
        Double d = literal.getValueAs(Double.class);
        return d == null ? null : lt == SqlTypeName.REAL || lt == SqlTypeName.FLOAT ? (double) d.floatValue() : d;
      case DECIMAL: {
        if (!SqlTypeFamily.EXACT_NUMERIC.contains(literal.getType())) {
          return null;
        }
        return literal.getValueAs(BigDecimal.class);
      }
      case BOOLEAN:
        return lt == SqlTypeName.BOOLEAN && (op == CompareOp.EQ || op == CompareOp.NE)
            ? literal.getValueAs(Boolean.class) : null;
      default: {
        if (!SqlTypeFamily.CHARACTER.contains(literal.getType())) {
          return null;
        }
        String s = literal.getValueAs(String.class);
        return s == null || (op != CompareOp.EQ && op != CompareOp.NE && !byteOrderSafe(s)) ? null : s;
      }
    }
  }

  /** An exact integer-domain literal: Long when integral, else the exact BigDecimal. */
  private static Object exactNumber(RexLiteral literal) {
    if (!SqlTypeFamily.NUMERIC.contains(literal.getType())) {
      return null;
    }
    BigDecimal b;
    if (SqlTypeFamily.APPROXIMATE_NUMERIC.contains(literal.getType())) {
      Double d = literal.getValueAs(Double.class);
      if (d == null || d.isNaN() || d.isInfinite()) {
        return null;
      }
      b = new BigDecimal(d);
    } else {
      b = literal.getValueAs(BigDecimal.class);
    }
    if (b == null) {
      return null;
    }
    try {
      return b.stripTrailingZeros().scale() <= 0 ? (Object) b.longValueExact() : b;
    } catch (ArithmeticException e) {
      return b;
    }
  }

  /**
   * Whether comparing UTF-8 bytes with this literal orders like Java's {@code compareTo}: true
   * unless it holds characters U+E000..U+FFFF or surrogates, where UTF-16 and code point order
   * disagree.
   */
  static boolean byteOrderSafe(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0xE000 || Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
