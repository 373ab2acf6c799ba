package dev.wafer.rules;

import dev.wafer.adapter.rel.ScanSpec;
import dev.wafer.adapter.rel.WaferScan;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Column pruning after other pushes: narrows a {@link WaferScan} to the columns the {@link
 * Project} above it uses, and rewrites the project over the narrower scan (dropping it when it
 * becomes the identity). Calcite's field trimmer prunes before the planner runs; this rule
 * prunes the columns a pushed filter no longer needs in the output (the scan still loads them to
 * evaluate its predicate, but never copies them into rows). No change when every column is used.
 */
public final class ProjectIntoScanRule extends RelRule<ScanRuleConfig> {

  private ProjectIntoScanRule(ScanRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Project project = call.rel(0);
    WaferScan scan = call.rel(1);
    ScanSpec spec = scan.spec();
    ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), null);
    if (used.cardinality() == spec.columns().size()) {
      return;
    }
    List<Integer> columns = new ArrayList<>();
    int[] newIndex = new int[spec.columns().size()];
    for (int f : used) {
      newIndex[f] = columns.size();
      columns.add(spec.columns().get(f));
    }
    WaferScan narrow = scan.withSpec(spec.withColumns(columns));
    RexShuttle remap = new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(newIndex[ref.getIndex()], ref.getType());
      }
    };
    List<RexNode> projects = project.getProjects().stream().map(e -> e.accept(remap)).toList();
    call.transformTo(call.builder().push(narrow)
        .project(projects, project.getRowType().getFieldNames()).build());
  }

  /** Configuration: a project on a Wafer scan. */
  public static final ScanRuleConfig DEFAULT = ScanRuleConfig.of(
      b0 -> b0.operand(Project.class).oneInput(b1 -> b1.operand(WaferScan.class).noInputs()),
      c -> new ProjectIntoScanRule(c));
}
