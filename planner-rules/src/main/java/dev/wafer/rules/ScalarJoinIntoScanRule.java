package dev.wafer.rules;

import dev.wafer.adapter.rel.ScalarBinder;
import dev.wafer.adapter.rel.ScalarFilter;
import dev.wafer.adapter.rel.ScanSpec;
import dev.wafer.adapter.rel.WaferScan;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * Pushes the condition of an inner join into the larger side's scan, bound at execution to the
 * other side's values ({@link ScalarFilter}):
 *
 * <ul>
 *   <li>with a one-row aggregate (a scalar subquery: {@code t CROSS JOIN (SELECT AVG(x) m,
 *       STDDEV_POP(x) s FROM t) g WHERE ABS(t.x - g.m) > 3 * g.s}), the condition becomes the row
 *       scan's predicate and the join's condition TRUE: the kernels filter the rows instead of a
 *       nested-loop join testing each. Only conditions never TRUE when an aggregate value is
 *       NULL are pushed;
 *   <li>with a small table (a dimension such as {@code specs}, at most {@link
 *       ScalarFilter#MAX_SEMI_ROWS} rows in its files), a semi-join reduction: the large scan
 *       drops the rows no small-side row can join with, and the join keeps its condition.
 * </ul>
 *
 * Either way only conditions the binder can translate for any values are pushed, and the join's
 * output is unchanged.
 */
public final class ScalarJoinIntoScanRule extends RelRule<ScanRuleConfig> {

  private ScalarJoinIntoScanRule(ScanRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalJoin join = call.rel(0);
    // rels: the join, then the left input (a scan, or a project and its scan), then the right input
    boolean projectLeft = call.rel(1) instanceof LogicalProject;
    int rightAt = projectLeft ? 3 : 2;
    boolean projectRight = call.rel(rightAt) instanceof LogicalProject;
    WaferScan left = call.rel(projectLeft ? 2 : 1);
    WaferScan right = call.rel(projectRight ? rightAt + 1 : rightAt);
    if (join.getJoinType() != JoinRelType.INNER || join.getCondition().isAlwaysTrue()) {
      return;
    }
    boolean sourceLeft;
    boolean semi;
    if (isScalar(left) && isRows(right) && !projectRight) {
      sourceLeft = true;
      semi = false;
    } else if (isScalar(right) && isRows(left) && !projectLeft) {
      sourceLeft = false;
      semi = false;
    } else if (!projectLeft && !projectRight && isSmall(left) && isLarge(right)) {
      sourceLeft = true;
      semi = true;
    } else if (!projectLeft && !projectRight && isSmall(right) && isLarge(left)) {
      sourceLeft = false;
      semi = true;
    } else {
      return;
    }
    WaferScan rows = sourceLeft ? right : left;
    WaferScan source = sourceLeft ? left : right;
    RelNode sourceInput = call.rel(sourceLeft ? 1 : rightAt);
    LogicalProject project = sourceInput instanceof LogicalProject p ? p : null;
    ScanSpec spec = rows.spec();
    int tableColumns = spec.tableColumns().size();
    int leftCount = join.getLeft().getRowType().getFieldCount();
    RexShuttle toSource = new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(tableColumns + ref.getIndex(), ref.getType());
      }
    };
    // join fields -> table ordinals of the row scan; the source side's fields -> its expressions
    // over the source scan's fields, numbered tableColumns + j
    RexNode condition = join.getCondition().accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        int i = ref.getIndex();
        boolean inLeft = i < leftCount;
        int field = inLeft ? i : i - leftCount;
        if (inLeft != sourceLeft) {
          return new RexInputRef(spec.columns().get(field), ref.getType());
        }
        return project == null ? new RexInputRef(tableColumns + field, ref.getType())
            : project.getProjects().get(field).accept(toSource);
      }
    });
    List<RelDataTypeField> sourceFields = source.getRowType().getFieldList();
    if (!ScalarBinder.pushable(spec, condition, sourceFields)) {
      return;
    }
    ScalarFilter filter = new ScalarFilter(source.spec(), condition,
        sourceFields.stream().map(RelDataTypeField::getName).toList(), source.getRowType(), semi);
    RelNode filtered = rows.withSpec(spec.withScalarFilter(filter));
    // a scalar filter replaces the condition (the one source row always joins); a semi-join
    // reduction only drops rows that cannot join, the join still pairs them
    RexNode kept = semi ? join.getCondition() : join.getCluster().getRexBuilder().makeLiteral(true);
    call.transformTo(join.copy(join.getTraitSet(), kept, sourceLeft ? sourceInput : filtered,
        sourceLeft ? filtered : sourceInput, JoinRelType.INNER, join.isSemiJoinDone()));
  }

  /** A row scan small enough to become one disjunct per row. */
  private static boolean isSmall(WaferScan scan) {
    return isRows(scan) && scan.spec().rows() <= ScalarFilter.MAX_SEMI_ROWS;
  }

  /** A row scan large enough for a semi-join reduction to pay. */
  private static boolean isLarge(WaferScan scan) {
    return isRows(scan) && scan.spec().rows() >= 16L * ScalarFilter.MAX_SEMI_ROWS;
  }

  /**
   * A scan that always returns exactly one row, an aggregate without keys, and that can be run as
   * it is to bind another scan's filter: not one with a scalar filter of its own (a nested scalar
   * subquery), which only its own execution binds.
   */
  static boolean isScalar(WaferScan scan) {
    return scan.spec().aggregate() != null && scan.spec().aggregate().keys().isEmpty()
        && scan.spec().scalarFilter() == null;
  }

  private static boolean isRows(WaferScan scan) {
    return scan.spec().aggregate() == null && scan.spec().scalarFilter() == null;
  }

  /** Configuration: an inner join of two Wafer scans. */
  public static final ScanRuleConfig SCAN_SCAN = ScanRuleConfig.of(
      b0 -> b0.operand(LogicalJoin.class).inputs(
          b1 -> b1.operand(WaferScan.class).noInputs(),
          b2 -> b2.operand(WaferScan.class).noInputs()),
      c -> new ScalarJoinIntoScanRule(c)).withDescription("ScalarJoinIntoScanRule:scan-scan");

  /** Configuration: the aggregate on the right under a project (e.g. {@code avg + 2 * stddev}). */
  public static final ScanRuleConfig SCAN_PROJECT = ScanRuleConfig.of(
      b0 -> b0.operand(LogicalJoin.class).inputs(
          b1 -> b1.operand(WaferScan.class).noInputs(),
          b2 -> b2.operand(LogicalProject.class).oneInput(b3 -> b3.operand(WaferScan.class).noInputs())),
      c -> new ScalarJoinIntoScanRule(c)).withDescription("ScalarJoinIntoScanRule:scan-project");

  /** Configuration: the aggregate on the left under a project. */
  public static final ScanRuleConfig PROJECT_SCAN = ScanRuleConfig.of(
      b0 -> b0.operand(LogicalJoin.class).inputs(
          b1 -> b1.operand(LogicalProject.class).oneInput(b2 -> b2.operand(WaferScan.class).noInputs()),
          b3 -> b3.operand(WaferScan.class).noInputs()),
      c -> new ScalarJoinIntoScanRule(c)).withDescription("ScalarJoinIntoScanRule:project-scan");
}
