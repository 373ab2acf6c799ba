package dev.wafer.rules;

import dev.wafer.adapter.rel.WaferScan;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mappings;

/**
 * An aggregate over the cross join that {@link ScalarJoinIntoScanRule} leaves of a scalar subquery
 * (a one-row aggregate joined on TRUE with a row scan whose filter it binds) that reads only the
 * row side's fields is the same aggregate over the row scan alone: the one row pairs with every
 * row. {@link AggregateIntoScanRule} then computes it in the scan, so the 3-sigma outlier count
 * returns one count instead of every outlier row through the join.
 *
 * <p>The one-row side stays the source of the row scan's filter, computed once per query.
 */
public final class AggregateOverScalarJoinRule extends RelRule<ScanRuleConfig> {

  private AggregateOverScalarJoinRule(ScanRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate aggregate = call.rel(0);
    LogicalJoin join = call.rel(1);
    if (join.getJoinType() != JoinRelType.INNER || !join.getCondition().isAlwaysTrue()) {
      return;
    }
    // rels after the join: the left input (a scan, or a project and its scan), then the right
    boolean projectLeft = call.rel(2) instanceof LogicalProject;
    int rightAt = projectLeft ? 4 : 3;
    boolean projectRight = call.rel(rightAt) instanceof LogicalProject;
    WaferScan left = call.rel(projectLeft ? 3 : 2);
    WaferScan right = call.rel(projectRight ? rightAt + 1 : rightAt);
    boolean scalarLeft;
    if (ScalarJoinIntoScanRule.isScalar(left) && !projectRight && isFilteredRows(right)) {
      scalarLeft = true;
    } else if (ScalarJoinIntoScanRule.isScalar(right) && !projectLeft && isFilteredRows(left)) {
      scalarLeft = false;
    } else {
      return;
    }
    int leftCount = join.getLeft().getRowType().getFieldCount();
    int joinCount = join.getRowType().getFieldCount();
    int from = scalarLeft ? leftCount : 0;
    int to = scalarLeft ? joinCount : leftCount;
    List<Integer> read = new ArrayList<>(aggregate.getGroupSet().asList());
    for (AggregateCall c : aggregate.getAggCallList()) {
      if (c.distinctKeys != null || !c.rexList.isEmpty()) {
        return; // WITHIN DISTINCT and pre-operands: rare, and not shifted here
      }
      read.addAll(c.getArgList());
      if (c.filterArg >= 0) {
        read.add(c.filterArg);
      }
      read.addAll(c.collation.getKeys());
    }
    for (int field : read) {
      if (field < from || field >= to) {
        return; // the aggregate reads the one-row side
      }
    }
    Mappings.TargetMapping shift = Mappings.createShiftMapping(joinCount, 0, from, to - from);
    RelNode rows = scalarLeft ? join.getRight() : join.getLeft();
    List<AggregateCall> calls = new ArrayList<>();
    for (AggregateCall c : aggregate.getAggCallList()) {
      calls.add(c.transform(shift));
    }
    ImmutableBitSet groupSet = aggregate.getGroupSet().shift(-from);
    List<ImmutableBitSet> groupSets = aggregate.getGroupSets().stream().map(g -> g.shift(-from)).toList();
    call.transformTo(aggregate.copy(aggregate.getTraitSet(), rows, groupSet, groupSets, calls));
  }

  /** A row scan filtered by a scalar filter (its condition already moved out of the join). */
  private static boolean isFilteredRows(WaferScan scan) {
    return scan.spec().aggregate() == null && scan.spec().scalarFilter() != null
        && !scan.spec().scalarFilter().semi();
  }

  /** Configuration: an aggregate over a join of two scans. */
  public static final ScanRuleConfig SCAN_SCAN = ScanRuleConfig.of(
      b0 -> b0.operand(LogicalAggregate.class).oneInput(b1 -> b1.operand(LogicalJoin.class).inputs(
          b2 -> b2.operand(WaferScan.class).noInputs(),
          b3 -> b3.operand(WaferScan.class).noInputs())),
      c -> new AggregateOverScalarJoinRule(c)).withDescription("AggregateOverScalarJoinRule:scan-scan");

  /** Configuration: the one-row aggregate under a project on the right. */
  public static final ScanRuleConfig SCAN_PROJECT = ScanRuleConfig.of(
      b0 -> b0.operand(LogicalAggregate.class).oneInput(b1 -> b1.operand(LogicalJoin.class).inputs(
          b2 -> b2.operand(WaferScan.class).noInputs(),
          b3 -> b3.operand(LogicalProject.class).oneInput(b4 -> b4.operand(WaferScan.class).noInputs()))),
      c -> new AggregateOverScalarJoinRule(c)).withDescription("AggregateOverScalarJoinRule:scan-project");

  /** Configuration: the one-row aggregate under a project on the left. */
  public static final ScanRuleConfig PROJECT_SCAN = ScanRuleConfig.of(
      b0 -> b0.operand(LogicalAggregate.class).oneInput(b1 -> b1.operand(LogicalJoin.class).inputs(
          b2 -> b2.operand(LogicalProject.class).oneInput(b3 -> b3.operand(WaferScan.class).noInputs()),
          b4 -> b4.operand(WaferScan.class).noInputs())),
      c -> new AggregateOverScalarJoinRule(c)).withDescription("AggregateOverScalarJoinRule:project-scan");
}
