package dev.wafer.adapter.rel;


import dev.wafer.adapter.WaferOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * The logical form of a Wafer scan, produced by {@code WaferTable.toRel}: carries the {@link
 * ScanSpec} while the query is trimmed and rewritten, and becomes a {@link WaferTableScan} through
 * {@link WaferScanRule}. (A scan born in the enumerable convention cannot be the whole plan:
 * Calcite's planner registers a root that already has the required traits twice.)
 */
public final class WaferLogicalScan extends WaferScan {

  public WaferLogicalScan(RelOptCluster cluster, RelOptTable table, ScanSpec spec, WaferOptions options) {
    super(cluster, cluster.traitSetOf(Convention.NONE), table, spec, options);
  }

  @Override
  public WaferLogicalScan withSpec(ScanSpec newSpec) {
    return new WaferLogicalScan(getCluster(), table, newSpec, options());
  }

  @Override
  public void register(RelOptPlanner planner) {
    super.register(planner);
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
      columns.add(spec().columns().get(f));
    }
    return columns.equals(spec().columns()) ? this : withSpec(spec().withColumns(columns));
  }
}
