package dev.wafer.adapter.rel;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.WaferOptions;
import dev.wafer.adapter.exec.ScanExecution;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * The leaf of every plan over a Wafer table: reads what its {@link ScanSpec} says, with the
 * morsel-driven executor ({@link ScanExecution}). It is born in the enumerable convention (via
 * {@code WaferTable.toRel}), so no conversion rule is needed; Calcite's field trimmer narrows its
 * columns through {@link #project}, and planner rules replace it with scans of grown specs.
 */
public final class WaferTableScan extends TableScan implements EnumerableRel {
  private final ScanSpec spec;
  private final WaferOptions options;

  public WaferTableScan(RelOptCluster cluster, RelOptTable table, ScanSpec spec, WaferOptions options) {
    super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), List.of(), table);
    this.spec = requireNonNull(spec, "spec");
    this.options = requireNonNull(options, "options");
  }

  public ScanSpec spec() {
    return spec;
  }

  public WaferOptions options() {
    return options;
  }

  /** A scan of the same table with another specification. */
  public WaferTableScan withSpec(ScanSpec newSpec) {
    return new WaferTableScan(getCluster(), table, newSpec, options);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return this;
  }

  @Override
  public RelDataType deriveRowType() {
    if (spec.aggregate() != null) {
      return spec.aggregate().rowType();
    }
    List<RelDataTypeField> all = table.getRowType().getFieldList();
    RelDataTypeFactory.Builder builder = getCluster().getTypeFactory().builder();
    for (int c : spec.columns()) {
      builder.add(all.get(c));
    }
    return builder.build();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("spec", spec.describe());
  }

  /** Adds Wafer's pushdown rules (found by {@link WaferRuleProvider}) unless {@code rules=off}. */
  @Override
  public void register(RelOptPlanner planner) {
    if (options.rulesEnabled()) {
      WaferRuleProvider.registerAll(planner);
    }
  }

  /** Rows out: the rows read, or the estimated groups when an aggregate is pushed. */
  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return spec.aggregate() == null ? spec.rows() : estimatedGroups();
  }

  /** Calcite's own guess for an aggregate (a tenth of the input per grouping), one row without keys. */
  private double estimatedGroups() {
    return spec.aggregate().keys().isEmpty() ? 1 : Math.max(1, spec.rows() / 10D);
  }

  /**
   * Cost falls with the share of columns read (the "+ 2" keeps a zero-column scan from being
   * free) and with the share of rows in the selected files, so each push makes the plan cheaper.
   * With an aggregate pushed the rows out are the groups, and the rows read count a hundredth
   * (they are folded in a tight loop and never become Calcite rows); Volcano compares the row
   * component first, so the pushed scan beats scan + aggregate.
   */
  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = spec.rows();
    double columnShare = (spec.columns().size() + 2D) / (spec.tableColumns().size() + 2D);
    if (spec.aggregate() != null) {
      double read = rows * columnShare * 0.01;
      return planner.getCostFactory().makeCost(estimatedGroups() + read, read, read);
    }
    return planner.getCostFactory().makeCost(rows, rows * columnShare, rows * columnShare);
  }

  /** Column pruning by Calcite's field trimmer: the scan reads only the used columns. */
  @Override
  public RelNode project(ImmutableBitSet fieldsUsed, Set<RelDataTypeField> extraFields, RelBuilder relBuilder) {
    if (!extraFields.isEmpty() || spec.aggregate() != null) {
      return super.project(fieldsUsed, extraFields, relBuilder);
    }
    List<Integer> columns = new ArrayList<>();
    for (int f : fieldsUsed) {
      columns.add(spec.columns().get(f));
    }
    return columns.equals(spec.columns()) ? this : withSpec(spec.withColumns(columns));
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
    return implementor.result(physType, Blocks.toBlock(
        Expressions.call(ScanExecution.class, "enumerable", implementor.getRootExpression(),
            implementor.stash(spec, ScanSpec.class), implementor.stash(options, WaferOptions.class))));
  }
}
