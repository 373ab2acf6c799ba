package dev.wafer.adapter.rel;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.WaferOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * The logical form of a Wafer scan, produced by {@code WaferTable.toRel}: carries the {@link
 * ScanSpec} while the query is trimmed and rewritten, and becomes a {@link WaferTableScan} through
 * {@link WaferScanRule}. (A scan born in the enumerable convention cannot be the whole plan:
 * Calcite's planner registers a root that already has the required traits twice.)
 */
public final class WaferLogicalScan extends TableScan {
  private final ScanSpec spec;
  private final WaferOptions options;

  public WaferLogicalScan(RelOptCluster cluster, RelOptTable table, ScanSpec spec, WaferOptions options) {
    super(cluster, cluster.traitSetOf(Convention.NONE), List.of(), table);
    this.spec = requireNonNull(spec, "spec");
    this.options = requireNonNull(options, "options");
  }

  public ScanSpec spec() {
    return spec;
  }

  public WaferOptions options() {
    return options;
  }

  /** A logical scan of the same table with another specification. */
  public WaferLogicalScan withSpec(ScanSpec newSpec) {
    return new WaferLogicalScan(getCluster(), table, newSpec, options);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return this;
  }

  @Override
  public RelDataType deriveRowType() {
    return ScanRowType.of(getCluster(), table, spec);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("spec", spec.describe());
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return spec.rows();
  }

  @Override
  public void register(RelOptPlanner planner) {
    planner.addRule(WaferScanRule.INSTANCE);
  }

  /** Column pruning by Calcite's field trimmer: the scan reads only the used columns. */
  @Override
  public RelNode project(ImmutableBitSet fieldsUsed, Set<RelDataTypeField> extraFields, RelBuilder relBuilder) {
    if (!extraFields.isEmpty()) {
      return super.project(fieldsUsed, extraFields, relBuilder);
    }
    List<Integer> columns = new ArrayList<>();
    for (int f : fieldsUsed) {
      columns.add(spec.columns().get(f));
    }
    return columns.equals(spec.columns()) ? this : withSpec(spec.withColumns(columns));
  }
}
