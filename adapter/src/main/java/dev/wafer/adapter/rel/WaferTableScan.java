package dev.wafer.adapter.rel;


import dev.wafer.adapter.WaferOptions;
import dev.wafer.adapter.exec.PreparedScan;
import dev.wafer.adapter.exec.ScanExecution;
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
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * The leaf of every plan over a Wafer table: reads what its {@link ScanSpec} says, with the
 * morsel-driven executor ({@link ScanExecution}). {@link WaferScanRule} makes it from a {@link
 * WaferLogicalScan}; planner rules replace either with scans of grown specs.
 */
public final class WaferTableScan extends WaferScan implements EnumerableRel {

  public WaferTableScan(RelOptCluster cluster, RelOptTable table, ScanSpec spec, WaferOptions options) {
    super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), table, spec, options);
  }

  @Override
  public WaferTableScan withSpec(ScanSpec newSpec) {
    return new WaferTableScan(getCluster(), table, newSpec, options());
  }

  /**
   * Cost: rows out (the selected files' rows times the predicate's selectivity, or the estimated
   * groups of a pushed aggregate; Volcano compares rows first, so a pushed predicate wins over a
   * filter above the scan), and I/O and CPU in proportion to the rows of the selected files times
   * the share of columns read (the "+ 2" keeps a zero-column scan from being free). Each push
   * (fewer files, fewer columns, a predicate) therefore lowers the cost. With an aggregate pushed
   * the rows read count a hundredth: they are folded in a tight loop and never become Calcite
   * rows, so the pushed scan beats scan + aggregate.
   */
  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double scanned = spec().rows();
    double columnShare = (spec().columns().size() + 2D) / (spec().tableColumns().size() + 2D);
    double out = estimateRowCount(mq);
    if (spec().aggregate() != null) {
      double read = scanned * columnShare * 0.01;
      return planner.getCostFactory().makeCost(out + read, read, read);
    }
    return planner.getCostFactory().makeCost(out, scanned * columnShare, scanned * columnShare);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    // Calcite's convention: a one-column row is the bare value (SCALAR); other operators of the
    // plan (e.g. a UNION with a VALUES input) rely on it. Wider rows are Object[].
    boolean scalar = getRowType().getFieldCount() == 1;
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        scalar ? JavaRowFormat.SCALAR : JavaRowFormat.ARRAY, false);
    return implementor.result(physType, Blocks.toBlock(
        Expressions.call(ScanExecution.class, "enumerable", implementor.getRootExpression(),
            implementor.stash(PreparedScan.of(spec()), PreparedScan.class), implementor.stash(options(), WaferOptions.class),
            Expressions.constant(scalar))));
  }
}
