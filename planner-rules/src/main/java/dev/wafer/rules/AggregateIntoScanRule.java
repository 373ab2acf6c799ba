package dev.wafer.rules;

import dev.wafer.adapter.agg.AggregateSpec;
import dev.wafer.adapter.rel.WaferScan;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.tools.RelBuilderFactory;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Pushes an Aggregate (directly over a scan, or over a Project of column references, time
 * buckets and FILTER conditions) into the {@link WaferScan}: the scan then computes the
 * groups itself, in parallel, and outputs only them. The whole aggregate moves or nothing does:
 * an aggregate the scan cannot compute exactly (DISTINCT, DECIMAL sums, expressions it does not
 * know) is left to Calcite, and Calcite's own rewrites (distinct expansion, AVG reduction) often
 * produce a form that does push. Once a scan carries a pushed predicate, the rule still applies:
 * the aggregate then folds only the selected rows.
 */
public final class AggregateIntoScanRule extends RelRule<AggregateIntoScanRule.Config> {

  AggregateIntoScanRule(Config config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Aggregate aggregate = call.rel(0);
    LogicalProject project = call.rels.length == 3 ? call.rel(1) : null;
    WaferScan scan = call.rel(call.rels.length - 1);
    // a predicate already pushed stays: the scan filters rows into a selection, the aggregate folds it
    if (scan.spec().aggregate() != null || aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
      return;
    }
    List<RexNode> inputs = project == null
        ? scan.getCluster().getRexBuilder().identityProjects(scan.getRowType())
        : project.getProjects();
    AggregateSpec spec = AggregateTranslator.translate(aggregate, inputs, scan.spec().outputColumns(),
        scan.getCluster().getRexBuilder());
    if (spec == null) {
      return;
    }
    call.transformTo(scan.withSpec(AggregateTranslator.narrow(scan.spec(), spec)));
  }

  /** Rule configuration (a record: Calcite's Immutables-generated configs are not needed). */
  public record Config(RelBuilderFactory relBuilderFactory, @Nullable String description,
      OperandTransform operandSupplier) implements RelRule.Config {

    public static final Config AGGREGATE_SCAN = new Config(RelFactories.LOGICAL_BUILDER,
        "AggregateIntoScanRule:aggregate-scan",
        b0 -> b0.operand(LogicalAggregate.class).oneInput(b1 -> b1.operand(WaferScan.class).noInputs()));

    public static final Config AGGREGATE_PROJECT_SCAN = new Config(RelFactories.LOGICAL_BUILDER,
        "AggregateIntoScanRule:aggregate-project-scan",
        b0 -> b0.operand(LogicalAggregate.class).oneInput(b1 -> b1.operand(LogicalProject.class)
            .oneInput(b2 -> b2.operand(WaferScan.class).noInputs())));

    @Override
    public Config withRelBuilderFactory(RelBuilderFactory factory) {
      return new Config(factory, description, operandSupplier);
    }

    @Override
    public Config withDescription(@Nullable String newDescription) {
      return new Config(relBuilderFactory, newDescription, operandSupplier);
    }

    @Override
    public Config withOperandSupplier(OperandTransform transform) {
      return new Config(relBuilderFactory, description, transform);
    }

    @Override
    public AggregateIntoScanRule toRule() {
      return new AggregateIntoScanRule(this);
    }
  }
}
