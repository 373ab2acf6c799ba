package dev.wafer.adapter.rel;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.predicate.PartitionHints;
import dev.wafer.adapter.predicate.PredicateTranslator;
import dev.wafer.adapter.predicate.PushdownSplit;
import dev.wafer.adapter.predicate.ScanPredicate;
import dev.wafer.adapter.predicate.ScanPruning;
import java.math.BigDecimal;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/**
 * Turns a {@link ScalarFilter} into an ordinary pushed predicate once the values of its one-row
 * source are known: the source's fields become literals, arithmetic on DOUBLE literals is folded
 * here (as Calcite's generated Java code computes it, without compiling code for it), and the
 * result goes through the {@link PredicateTranslator} like any filter. The planner rule asks
 * {@link #pushable} first, with placeholder values, so that binding at execution always succeeds.
 */
public final class ScalarBinder {
  private static final RexBuilder REX = new RexBuilder(new JavaTypeFactoryImpl());

  private ScalarBinder() {}

  /**
   * Whether a condition (in {@link ScalarFilter}'s numbering) can become a scan predicate for any
   * values of the source: every source field it reads has a supported type, a NULL in any of them
   * makes the condition not TRUE for every row, and with non-null values it translates whole.
   */
  public static boolean pushable(ScanSpec scan, RexNode condition, List<RelDataTypeField> sourceFields) {
    int n = scan.tableColumns().size();
    BitSet used = sourceFieldsUsed(condition, n);
    int first = RelOptUtil.InputFinder.bits(condition).nextSetBit(0); // table ordinals come first
    boolean readsTable = first >= 0 && first < n;
    if (used.isEmpty() || !readsTable) {
      return false;
    }
    Object[] placeholders = new Object[sourceFields.size()];
    for (int j = used.nextSetBit(0); j >= 0; j = used.nextSetBit(j + 1)) {
      placeholders[j] = placeholder(sourceFields.get(j).getType());
      if (placeholders[j] == null || !notTrueWhenNull(condition, n + j)) {
        return false;
      }
    }
    try {
      return translate(scan, substitute(condition, n, placeholders, sourceFields)) != null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * The scan with its scalar filter bound to the source's row: merged into the predicate, and the
   * files that statistics prove cannot match dropped. A NULL in a source field the condition reads
   * leaves no rows.
   *
   * @param sourceRow the source's values, in Calcite's Java representation
   */
  public static ScanSpec bind(ScanSpec spec, Object[] sourceRow) {
    ScalarFilter filter = requireNonNull(spec.scalarFilter(), "scalarFilter");
    int n = spec.tableColumns().size();
    List<RelDataTypeField> fields = filter.sourceRowType().getFieldList();
    BitSet used = sourceFieldsUsed(filter.condition(), n);
    ScanSpec unbound = spec.withScalarFilter(null);
    for (int j = used.nextSetBit(0); j >= 0; j = used.nextSetBit(j + 1)) {
      if (sourceRow[j] == null) {
        return unbound.withFiles(List.of());
      }
    }
    ScanPredicate bound = translate(spec, substitute(filter.condition(), n, sourceRow, fields));
    if (bound == null) {
      throw new IllegalStateException("scan of " + spec.table() + ": the filter " + filter.condition()
          + " could not be bound to the values " + java.util.Arrays.toString(sourceRow));
    }
    return withBound(unbound, bound);
  }

  /**
   * The scan with its semi-join reduction bound to the small side's rows: one disjunct per row
   * (rows whose values make the condition never TRUE are left out). Without any filter when the
   * rows are more than {@link ScalarFilter#MAX_SEMI_ROWS} or a disjunct does not translate: the
   * join above still applies the condition, the reduction only saves work.
   */
  public static ScanSpec bindSemi(ScanSpec spec, List<Object[]> sourceRows) {
    ScalarFilter filter = requireNonNull(spec.scalarFilter(), "scalarFilter");
    ScanSpec unbound = spec.withScalarFilter(null);
    if (sourceRows.size() > ScalarFilter.MAX_SEMI_ROWS) {
      return unbound;
    }
    int n = spec.tableColumns().size();
    List<RelDataTypeField> fields = filter.sourceRowType().getFieldList();
    BitSet used = sourceFieldsUsed(filter.condition(), n);
    List<ScanPredicate> disjuncts = new java.util.ArrayList<>();
    for (Object[] row : sourceRows) {
      boolean never = false;
      for (int j = used.nextSetBit(0); j >= 0 && !never; j = used.nextSetBit(j + 1)) {
        if (row[j] == null) {
          if (!notTrueWhenNull(filter.condition(), n + j)) {
            return unbound;
          }
          never = true;
        }
      }
      if (never) {
        continue;
      }
      ScanPredicate d = translate(spec, substitute(filter.condition(), n, row, fields));
      if (d == null) {
        return unbound;
      }
      disjuncts.add(d);
    }
    if (disjuncts.isEmpty()) {
      return unbound.withFiles(List.of());
    }
    return withBound(unbound, disjuncts.size() == 1 ? disjuncts.get(0) : new ScanPredicate.Or(disjuncts));
  }

  private static ScanSpec withBound(ScanSpec unbound, ScanPredicate bound) {
    ScanPredicate predicate = unbound.predicate() == null ? bound
        : new ScanPredicate.And(List.of(unbound.predicate(), bound));
    List<dev.wafer.adapter.table.TableFile> kept =
        ScanPruning.keptFiles(bound, unbound.tableColumns(), unbound.files(), PartitionHints.NONE);
    return unbound.withPredicate(predicate).withFiles(kept);
  }

  private static BitSet sourceFieldsUsed(RexNode condition, int n) {
    BitSet used = new BitSet();
    condition.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        if (ref.getIndex() >= n) {
          used.set(ref.getIndex() - n);
        }
        return ref;
      }
    });
    return used;
  }

  /** The whole condition as a predicate over table ordinals, or null when part of it does not translate. */
  private static ScanPredicate translate(ScanSpec spec, RexNode bound) {
    List<Integer> identity = IntStream.range(0, spec.tableColumns().size()).boxed().toList();
    PushdownSplit split = new PredicateTranslator(REX, RexUtil.EXECUTOR, spec.tableColumns(), identity)
        .split(bound);
    return split.residual().isEmpty() ? split.pushed() : null;
  }

  /** The condition with source field j ({@code $(n + j)}) replaced by {@code values[j]}, DOUBLE arithmetic folded. */
  static RexNode substitute(RexNode condition, int n, Object[] values, List<RelDataTypeField> fields) {
    return condition.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        int j = ref.getIndex() - n;
        return j < 0 ? ref : literal(values[j], fields.get(j).getType());
      }

      @Override
      public RexNode visitCall(RexCall call) {
        RexNode visited = super.visitCall(call);
        return visited instanceof RexCall c ? foldDouble(c) : visited;
      }
    });
  }

  private static RexNode literal(Object value, RelDataType type) {
    if (value == null) {
      return REX.makeNullLiteral(type);
    }
    RelDataType notNull = REX.getTypeFactory().createTypeWithNullability(type, false);
    switch (type.getSqlTypeName()) {
      case DATE:
        return REX.makeDateLiteral(DateString.fromDaysSinceEpoch(((Number) value).intValue()));
      case TIMESTAMP:
        return REX.makeTimestampLiteral(TimestampString.fromMillisSinceEpoch(((Number) value).longValue()),
            type.getPrecision());
      case DOUBLE:
      case FLOAT:
      case REAL:
        return REX.makeApproxLiteral(((Number) value).doubleValue(), notNull);
      default:
        return REX.makeLiteral(value, notNull, false);
    }
  }

  /** A non-null value of the type for the plan-time check, or null for a type not supported. */
  private static Object placeholder(RelDataType type) {
    switch (type.getSqlTypeName()) {
      case TINYINT: case SMALLINT: case INTEGER: return 1;
      case BIGINT: return 1L;
      case DECIMAL: return BigDecimal.ONE;
      case DOUBLE: case FLOAT: case REAL: return 1D;
      case DATE: return 1;
      case TIMESTAMP: return 1L;
      case BOOLEAN: return Boolean.TRUE;
      case VARCHAR: case CHAR: return "a";
      default: return null;
    }
  }

  /** {@code a + b}, {@code a - b}, {@code a * b} on integer literals; left to Calcite when it overflows. */
  private static RexNode foldInteger(RexCall call) {
    if (call.getOperands().size() != 2
        || !(call.getOperands().get(0) instanceof RexLiteral a) || !(a.getValue() instanceof BigDecimal x)
        || !(call.getOperands().get(1) instanceof RexLiteral b) || !(b.getValue() instanceof BigDecimal y)
        || x.scale() > 0 || y.scale() > 0) {
      return call;
    }
    boolean bigint = call.getType().getSqlTypeName() == SqlTypeName.BIGINT;
    try {
      long l = x.longValueExact();
      long r = y.longValueExact();
      long v;
      switch (call.getKind()) {
        case PLUS: v = bigint ? Math.addExact(l, r) : Math.addExact(Math.toIntExact(l), Math.toIntExact(r)); break;
        case MINUS: v = bigint ? Math.subtractExact(l, r) : Math.subtractExact(Math.toIntExact(l), Math.toIntExact(r)); break;
        case TIMES: v = bigint ? Math.multiplyExact(l, r) : Math.multiplyExact(Math.toIntExact(l), Math.toIntExact(r)); break;
        default: return call;
      }
      return REX.makeLiteral(BigDecimal.valueOf(v), call.getType(), false);
    } catch (ArithmeticException e) {
      return call;
    }
  }

  /** {@code ts ± interval} on literals (day-time intervals: milliseconds), as Calcite computes it. */
  private static RexNode foldTimestamp(RexCall call) {
    if ((call.getKind() != SqlKind.PLUS && call.getKind() != SqlKind.MINUS) || call.getOperands().size() != 2
        || !(call.getOperands().get(0) instanceof RexLiteral ts) || !(call.getOperands().get(1) instanceof RexLiteral iv)
        || ts.isNull() || iv.isNull() || ts.getType().getSqlTypeName() != SqlTypeName.TIMESTAMP
        || !SqlTypeFamily.INTERVAL_DAY_TIME.contains(iv.getType())) {
      return call;
    }
    long millis = ts.getValueAs(Long.class);
    long delta = iv.getValueAs(Long.class);
    long r = call.getKind() == SqlKind.PLUS ? millis + delta : millis - delta;
    return REX.makeTimestampLiteral(TimestampString.fromMillisSinceEpoch(r), call.getType().getPrecision());
  }

  /**
   * {@code a op b}, {@code ABS(a)}, {@code -a} and {@code CAST(a AS DOUBLE)} on numeric literals, as
   * Java computes them for a DOUBLE result; other calls unchanged.
   */
  private static RexNode foldDouble(RexCall call) {
    if (call.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP) {
      return foldTimestamp(call);
    }
    if (call.getType().getSqlTypeName() == SqlTypeName.BIGINT || call.getType().getSqlTypeName() == SqlTypeName.INTEGER) {
      return foldInteger(call);
    }
    if (call.getType().getSqlTypeName() != SqlTypeName.DOUBLE) {
      return call;
    }
    double[] x = new double[call.getOperands().size()];
    for (int i = 0; i < x.length; i++) {
      if (!(call.getOperands().get(i) instanceof RexLiteral l) || !(l.getValue() instanceof Number v)) {
        return call;
      }
      x[i] = v.doubleValue();
    }
    double r;
    switch (call.getKind()) {
      case PLUS: r = x[0] + x[1]; break;
      case MINUS: r = x[0] - x[1]; break;
      case TIMES: r = x[0] * x[1]; break;
      case DIVIDE: r = x[0] / x[1]; break;
      case MINUS_PREFIX: r = -x[0]; break;
      case CAST: r = x[0]; break;
      default:
        if (call.getOperator() == SqlStdOperatorTable.ABS) {
          r = Math.abs(x[0]);
          break;
        }
        return call;
    }
    return REX.makeApproxLiteral(r, call.getType());
  }

  /** Whether the condition is never TRUE when {@code $ref} is NULL (SQL's strictness, made explicit). */
  static boolean notTrueWhenNull(RexNode node, int ref) {
    switch (node.getKind()) {
      case AND:
        return ((RexCall) node).getOperands().stream().anyMatch(o -> notTrueWhenNull(o, ref));
      case OR:
        return ((RexCall) node).getOperands().stream().allMatch(o -> notTrueWhenNull(o, ref));
      default:
        return nullWhenNull(node, ref);
    }
  }

  /** Whether the expression is NULL when {@code $ref} is NULL. */
  private static boolean nullWhenNull(RexNode node, int ref) {
    if (node instanceof RexInputRef r) {
      return r.getIndex() == ref;
    }
    if (!(node instanceof RexCall call)) {
      return false;
    }
    switch (call.getKind()) {
      case EQUALS: case NOT_EQUALS: case LESS_THAN: case LESS_THAN_OR_EQUAL: case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL: case PLUS: case MINUS: case TIMES: case DIVIDE: case MINUS_PREFIX:
      case CAST: case NOT:
        return call.getOperands().stream().anyMatch(o -> nullWhenNull(o, ref));
      default:
        return call.getOperator() == SqlStdOperatorTable.ABS && nullWhenNull(call.getOperands().get(0), ref);
    }
  }
}
