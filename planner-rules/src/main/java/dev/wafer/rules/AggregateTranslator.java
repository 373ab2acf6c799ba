package dev.wafer.rules;

import dev.wafer.adapter.agg.AggCall;
import dev.wafer.adapter.agg.AggKind;
import dev.wafer.adapter.agg.AggPredicate;
import dev.wafer.adapter.agg.AggregateSpec;
import dev.wafer.adapter.agg.GroupKey;
import dev.wafer.adapter.agg.KeyTransform;
import dev.wafer.adapter.agg.ValueKind;
import dev.wafer.adapter.rel.ScanSpec;
import dev.wafer.adapter.table.ColumnKind;
import dev.wafer.adapter.table.TableColumn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Translates a Calcite Aggregate (and the expressions of the Project below it) into an {@link
 * AggregateSpec} over the scan's columns — or answers null when any part cannot be computed in
 * the scan with exactly Calcite's result (type and value).
 */
final class AggregateTranslator {
  private AggregateTranslator() {}

  /**
   * @param inputs the aggregate's input fields as expressions over the scan's row
   * @param columns the scan's columns
   * @return the aggregate over scan field indexes, or null when it cannot be pushed
   */
  static AggregateSpec translate(Aggregate aggregate, List<RexNode> inputs, List<TableColumn> columns,
      RexBuilder rexBuilder) {
    List<GroupKey> keys = new ArrayList<>();
    for (int g : aggregate.getGroupSet()) {
      GroupKey key = key(inputs.get(g), columns);
      if (key == null) {
        return null;
      }
      keys.add(key);
    }
    List<AggCall> calls = new ArrayList<>();
    AggFilterTranslator predicates = new AggFilterTranslator(columns, rexBuilder);
    for (AggregateCall ac : aggregate.getAggCallList()) {
      AggCall call = call(ac, inputs, columns, predicates, !keys.isEmpty());
      if (call == null) {
        return null;
      }
      calls.add(call);
    }
    return new AggregateSpec(keys, calls, aggregate.getRowType());
  }

  /** The scan reading only the aggregate's columns, with the aggregate re-indexed to them. */
  static ScanSpec narrow(ScanSpec scan, AggregateSpec aggregate) {
    List<Integer> used = new ArrayList<>(aggregate.columns());
    int[] map = new int[scan.columns().size()];
    List<Integer> newColumns = new ArrayList<>();
    for (int i = 0; i < used.size(); i++) {
      map[used.get(i)] = i;
      newColumns.add(scan.columns().get(used.get(i)));
    }
    return scan.withColumns(newColumns).withAggregate(aggregate.remap(map));
  }

  private static GroupKey key(RexNode e, List<TableColumn> columns) {
    if (e instanceof RexInputRef ref) {
      return columns.get(ref.getIndex()).kind() == ColumnKind.DECIMAL ? null : GroupKey.of(ref.getIndex());
    }
    if (!(e instanceof RexCall call)) {
      return null;
    }
    switch (call.getKind()) {
      case FLOOR: {
        if (call.getOperands().size() != 2) {
          return null;
        }
        Integer c = timeColumn(call.getOperands().get(0), columns);
        TimeUnitRange unit = unit(call.getOperands().get(1));
        KeyTransform t = unit == null ? null : switch (unit) {
          case YEAR -> KeyTransform.FLOOR_YEAR;
          case MONTH -> KeyTransform.FLOOR_MONTH;
          case DAY -> KeyTransform.FLOOR_DAY;
          case HOUR -> KeyTransform.FLOOR_HOUR;
          case MINUTE -> KeyTransform.FLOOR_MINUTE;
          case SECOND -> KeyTransform.FLOOR_SECOND;
          default -> null;
        };
        return c == null || t == null ? null : new GroupKey(c, t);
      }
      case CAST: {
        Integer c = timeColumn(call.getOperands().get(0), columns);
        boolean toDate = call.getType().getSqlTypeName() == SqlTypeName.DATE;
        return c != null && toDate && columns.get(c).kind() == ColumnKind.TIMESTAMP
            ? new GroupKey(c, KeyTransform.CAST_DATE) : null;
      }
      case EXTRACT: {
        TimeUnitRange unit = unit(call.getOperands().get(0));
        Integer c = timeColumn(call.getOperands().get(1), columns);
        boolean date = c != null && columns.get(c).kind() == ColumnKind.DATE;
        KeyTransform t = unit == null ? null : switch (unit) {
          case YEAR -> KeyTransform.EXTRACT_YEAR;
          case QUARTER -> KeyTransform.EXTRACT_QUARTER;
          case MONTH -> KeyTransform.EXTRACT_MONTH;
          case DAY -> KeyTransform.EXTRACT_DAY;
          case HOUR -> date ? null : KeyTransform.EXTRACT_HOUR;
          case MINUTE -> date ? null : KeyTransform.EXTRACT_MINUTE;
          case SECOND -> date ? null : KeyTransform.EXTRACT_SECOND;
          default -> null;
        };
        boolean bigint = call.getType().getSqlTypeName() == SqlTypeName.BIGINT;
        return c == null || t == null || !bigint ? null : new GroupKey(c, t);
      }
      default:
        return null;
    }
  }

  private static Integer timeColumn(RexNode e, List<TableColumn> columns) {
    if (e instanceof RexInputRef ref) {
      ColumnKind k = columns.get(ref.getIndex()).kind();
      return k == ColumnKind.TIMESTAMP || k == ColumnKind.DATE ? ref.getIndex() : null;
    }
    return null;
  }

  private static TimeUnitRange unit(RexNode e) {
    return e instanceof RexLiteral lit && lit.getValue() instanceof TimeUnitRange u ? u : null;
  }

  private static AggCall call(AggregateCall ac, List<RexNode> inputs, List<TableColumn> columns,
      AggFilterTranslator predicates, boolean grouped) {
    if (ac.isDistinct() || ac.isApproximate() || !ac.getCollation().getFieldCollations().isEmpty()
        || ac.getArgList().size() > 1 || ac.distinctKeys != null) {
      return null;
    }
    AggPredicate filter = null;
    if (ac.filterArg >= 0) {
      filter = predicates.translate(inputs.get(ac.filterArg));
      if (filter == null) {
        return null;
      }
    }
    SqlTypeName result = ac.getType().getSqlTypeName();
    SqlKind kind = ac.getAggregation().getKind();
    if (ac.getArgList().isEmpty()) {
      return kind == SqlKind.COUNT ? new AggCall(AggKind.COUNT_STAR, -1, filter) : null;
    }
    RexNode arg = inputs.get(ac.getArgList().get(0));
    if (!(arg instanceof RexInputRef ref)) {
      return conditionalCount(kind, arg, filter, predicates, grouped, result);
    }
    int c = ref.getIndex();
    ColumnKind column = columns.get(c).kind();
    ValueKind value = ValueKind.of(column);
    boolean integral = column == ColumnKind.TINYINT || column == ColumnKind.SMALLINT
        || column == ColumnKind.INTEGER || column == ColumnKind.BIGINT;
    boolean integralResult = SqlTypeFamily.EXACT_NUMERIC.getTypeNames().contains(result) && result != SqlTypeName.DECIMAL;
    // floating point is pushed only for DOUBLE: Calcite sums REAL in float arithmetic
    boolean dbl = column == ColumnKind.DOUBLE && result == SqlTypeName.DOUBLE;
    switch (kind) {
      case COUNT:
        return new AggCall(AggKind.COUNT, c, filter);
      case SUM:
      case SUM0:
      case AVG:
        if ((integral && integralResult) || dbl) {
          AggKind k = kind == SqlKind.SUM ? AggKind.SUM : kind == SqlKind.SUM0 ? AggKind.SUM0 : AggKind.AVG;
          return new AggCall(k, c, filter);
        }
        return null;
      case MIN:
      case MAX:
        return value == ValueKind.LONG || value == ValueKind.DOUBLE
            ? new AggCall(kind == SqlKind.MIN ? AggKind.MIN : AggKind.MAX, c, filter) : null;
      case STDDEV_POP:
      case STDDEV_SAMP:
      case VAR_POP:
      case VAR_SAMP:
        return dbl ? new AggCall(AggKind.valueOf(kind.name()), c, filter) : null;
      default:
        return null;
    }
  }

  /**
   * {@code SUM(CASE WHEN p THEN 1 ELSE 0 END)} (what BI tools emit) is {@code COUNT(*) FILTER (WHERE
   * p)} with SUM's type, and {@code SUM(CASE WHEN p THEN 0 ELSE 1 END)} (failures counted from a
   * pass flag) is {@code COUNT(*) FILTER (WHERE p IS NOT TRUE)} — as long as a group always has a
   * row, so not for a global SUM, which is NULL over no rows.
   */
  private static AggCall conditionalCount(SqlKind kind, RexNode arg, AggPredicate filter,
      AggFilterTranslator predicates, boolean grouped, SqlTypeName result) {
    boolean sum0 = kind == SqlKind.SUM0;
    if (!(kind == SqlKind.SUM && grouped) && !sum0) {
      return null;
    }
    if (!(arg instanceof RexCall c) || c.getKind() != SqlKind.CASE || c.getOperands().size() != 3
        || !SqlTypeFamily.EXACT_NUMERIC.getTypeNames().contains(result) || result == SqlTypeName.DECIMAL) {
      return null;
    }
    RexNode then = c.getOperands().get(1);
    RexNode otherwise = c.getOperands().get(2);
    boolean countThen = isNumber(then, BigDecimal.ONE) && isNumber(otherwise, BigDecimal.ZERO);
    boolean countElse = isNumber(then, BigDecimal.ZERO) && isNumber(otherwise, BigDecimal.ONE);
    if (!countThen && !countElse) {
      return null;
    }
    AggPredicate p = predicates.translate(c.getOperands().get(0));
    if (p == null) {
      return null;
    }
    if (countElse) {
      p = new AggPredicate.IsNotTrue(p);
    }
    AggPredicate both = filter == null ? p : new AggPredicate.And(List.of(filter, p));
    return new AggCall(AggKind.COUNT_STAR, -1, both);
  }

  private static boolean isNumber(RexNode e, BigDecimal value) {
    return e instanceof RexLiteral lit && lit.getValue() instanceof BigDecimal d && d.compareTo(value) == 0;
  }
}
