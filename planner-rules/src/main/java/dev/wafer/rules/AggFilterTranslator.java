package dev.wafer.rules;

import dev.wafer.adapter.agg.AggPredicate;
import dev.wafer.adapter.agg.ValueKind;
import dev.wafer.adapter.table.ColumnKind;
import dev.wafer.adapter.table.TableColumn;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Translates the condition of a FILTER clause or a CASE into an {@link AggPredicate}: comparisons
 * of a column with a literal (strings: = and &lt;&gt; only), IS [NOT] NULL, boolean columns, AND,
 * OR, NOT, and Calcite's SEARCH (IN lists, ranges) after expanding it. Anything else: null.
 */
final class AggFilterTranslator {
  private final List<TableColumn> columns;
  private final RexBuilder rexBuilder;

  AggFilterTranslator(List<TableColumn> columns, RexBuilder rexBuilder) {
    this.columns = columns;
    this.rexBuilder = rexBuilder;
  }

  AggPredicate translate(RexNode e) {
    // IS TRUE only at the top: the aggregate counts TRUE rows, so IS TRUE(p) and p agree there
    if (e.getKind() == SqlKind.IS_TRUE) {
      e = ((RexCall) e).getOperands().get(0);
    }
    return node(RexUtil.expandSearch(rexBuilder, null, e));
  }

  private AggPredicate node(RexNode e) {
    if (e instanceof RexInputRef ref) {
      return columns.get(ref.getIndex()).kind() == ColumnKind.BOOLEAN ? new AggPredicate.IsTrue(ref.getIndex()) : null;
    }
    if (!(e instanceof RexCall call)) {
      return null;
    }
    List<RexNode> ops = call.getOperands();
    switch (call.getKind()) {
      case AND:
      case OR: {
        List<AggPredicate> parts = new ArrayList<>();
        for (RexNode o : ops) {
          AggPredicate p = node(o);
          if (p == null) {
            return null;
          }
          parts.add(p);
        }
        return call.getKind() == SqlKind.AND ? new AggPredicate.And(parts) : new AggPredicate.Or(parts);
      }
      case NOT: {
        AggPredicate p = node(ops.get(0));
        return p == null ? null : new AggPredicate.Not(p);
      }
      case IS_NULL:
      case IS_NOT_NULL:
        return ops.get(0) instanceof RexInputRef ref
            ? new AggPredicate.IsNull(ref.getIndex(), call.getKind() == SqlKind.IS_NOT_NULL) : null;
      case EQUALS: case NOT_EQUALS: case LESS_THAN: case LESS_THAN_OR_EQUAL:
      case GREATER_THAN: case GREATER_THAN_OR_EQUAL:
        return compare(call);
      default:
        return null;
    }
  }

  private AggPredicate compare(RexCall call) {
    RexNode a = widened(call.getOperands().get(0));
    RexNode b = widened(call.getOperands().get(1));
    SqlKind kind = call.getKind();
    if (a instanceof RexLiteral && b instanceof RexInputRef) {
      RexNode t = a;
      a = b;
      b = t;
      kind = kind.reverse();
    }
    if (!(a instanceof RexInputRef ref) || !(b instanceof RexLiteral lit) || lit.isNull()) {
      return null;
    }
    ColumnKind column = columns.get(ref.getIndex()).kind();
    AggPredicate.Op op = switch (kind) {
      case EQUALS -> AggPredicate.Op.EQ;
      case NOT_EQUALS -> AggPredicate.Op.NE;
      case LESS_THAN -> AggPredicate.Op.LT;
      case LESS_THAN_OR_EQUAL -> AggPredicate.Op.LE;
      case GREATER_THAN -> AggPredicate.Op.GT;
      default -> AggPredicate.Op.GE;
    };
    Object value = literal(column, lit);
    if (value == null || (value instanceof String && op != AggPredicate.Op.EQ && op != AggPredicate.Op.NE)) {
      return null;
    }
    return new AggPredicate.Compare(ref.getIndex(), op, value);
  }

  /**
   * The column under a widening integer cast (Calcite casts a SMALLINT column to INTEGER to compare
   * it with an INTEGER literal): the comparison is the same on the column's own values.
   */
  private RexNode widened(RexNode e) {
    if (e.getKind() == SqlKind.CAST && ((RexCall) e).getOperands().get(0) instanceof RexInputRef ref) {
      ColumnKind from = columns.get(ref.getIndex()).kind();
      boolean integer = from == ColumnKind.TINYINT || from == ColumnKind.SMALLINT || from == ColumnKind.INTEGER
          || from == ColumnKind.BIGINT;
      List<SqlTypeName> widths = List.of(SqlTypeName.TINYINT, SqlTypeName.SMALLINT, SqlTypeName.INTEGER,
          SqlTypeName.BIGINT);
      int to = widths.indexOf(e.getType().getSqlTypeName());
      if (integer && to >= widths.indexOf(from.sqlType())) {
        return ref;
      }
    }
    return e;
  }

  /** The literal in the column's domain, or null when it does not fit exactly. */
  private static Object literal(ColumnKind column, RexLiteral lit) {
    switch (ValueKind.of(column)) {
      case DOUBLE:
        return column == ColumnKind.DOUBLE ? lit.getValueAs(Double.class) : null;
      case STRING:
        return lit.getValueAs(String.class);
      case LONG:
        switch (column) {
          case BOOLEAN: {
            Boolean v = lit.getValueAs(Boolean.class);
            return v == null ? null : v ? 1L : 0L;
          }
          case DATE: {
            Integer v = lit.getValueAs(Integer.class);
            return v == null ? null : v.longValue();
          }
          case TIME:
            return null;
          case TIMESTAMP:
            return lit.getValueAs(Long.class);
          default: {
            if (!(lit.getValue() instanceof java.math.BigDecimal d) || d.stripTrailingZeros().scale() > 0) {
              return null;
            }
            try {
              return d.longValueExact();
            } catch (ArithmeticException e) {
              return null;
            }
          }
        }
      default:
        return null;
    }
  }
}
