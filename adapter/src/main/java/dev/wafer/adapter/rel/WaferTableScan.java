package dev.wafer.adapter.rel;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.WaferOptions;
import dev.wafer.adapter.WaferTable;
import dev.wafer.adapter.exec.ScanExecution;
import dev.wafer.adapter.predicate.Selectivity;
import dev.wafer.adapter.table.TableFile;
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
import org.apache.calcite.plan.RelOptRule;
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
    List<RelDataTypeField> all = table.getRowType().getFieldList();
    RelDataTypeFactory.Builder builder = getCluster().getTypeFactory().builder();
    for (int c : spec.columns()) {
      builder.add(all.get(c));
    }
    return builder.build();
  }

  /** Wafer's pushdown rules (found by {@link ScanRuleProvider}), unless {@code rules=off}. */
  @Override
  public void register(RelOptPlanner planner) {
    super.register(planner);
    if (options.rulesEnabled()) {
      for (RelOptRule rule : ScanRuleProvider.loaded()) {
        planner.addRule(rule);
      }
    }
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    RelWriter w = super.explainTerms(pw).item("spec", spec.describe());
    int[] partitions = partitions();
    return w.itemIf("partitions", partitions[0] + "/" + partitions[1], partitions[1] > 1);
  }

  /** Distinct partition directories kept by the spec and in the table. */
  private int[] partitions() {
    WaferTable t = table.unwrap(WaferTable.class);
    List<TableFile> all = t == null ? spec.files() : t.layout().files();
    long total = all.stream().map(f -> f.file().partitionPath()).distinct().count();
    long kept = spec.files().stream().map(f -> f.file().partitionPath()).distinct().count();
    return new int[] {(int) kept, (int) total};
  }

  /** Rows in the selected files times the guessed share the pushed predicate keeps. */
  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return Math.max(1D, spec.rows() * Selectivity.estimate(spec.predicate()));
  }

  /**
   * Cost: rows out (the selected files' rows times the predicate's selectivity; Volcano compares
   * rows first, so a pushed predicate wins over a filter above the scan), and I/O and CPU in
   * proportion to the rows of the selected files times the share of columns read (the "+ 2" keeps
   * a zero-column scan from being free). Each push (fewer files, fewer columns, a predicate)
   * therefore lowers the cost.
   */
  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double scanned = spec.rows();
    double columnShare = (spec.columns().size() + 2D) / (spec.tableColumns().size() + 2D);
    double out = estimateRowCount(mq);
    return planner.getCostFactory().makeCost(out, scanned * columnShare, scanned * columnShare);
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

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    // one-column rows are scalars in Calcite's enumerable convention (a consumer, or the JDBC
    // result set when the scan is the whole plan, reads them unwrapped)
    boolean scalar = getRowType().getFieldCount() == 1;
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        scalar ? JavaRowFormat.SCALAR : JavaRowFormat.ARRAY, false);
    return implementor.result(physType, Blocks.toBlock(
        Expressions.call(ScanExecution.class, scalar ? "scalars" : "enumerable", implementor.getRootExpression(),
            implementor.stash(spec, ScanSpec.class), implementor.stash(options, WaferOptions.class))));
  }
}
