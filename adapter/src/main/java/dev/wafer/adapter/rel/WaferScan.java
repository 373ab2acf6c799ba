package dev.wafer.adapter.rel;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.WaferOptions;
import dev.wafer.adapter.WaferTable;
import dev.wafer.adapter.predicate.Selectivity;
import dev.wafer.adapter.table.TableFile;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/**
 * What the logical and the physical Wafer scan share: a {@link ScanSpec} (printed by {@link
 * #explainTerms}, deciding the row type and the row count) and the schema's options. Rules read
 * {@link #spec()} of either and build a grown copy with {@link #withSpec}.
 */
public abstract class WaferScan extends TableScan {
  private final ScanSpec spec;
  private final WaferOptions options;
  /**
   * What {@link #explainTerms} prints, made on first use: the planner asks for it at every digest
   * hash and comparison, and it walks every file of the table (1,158 at 100M rows).
   */
  private String description;
  private int[] partitions;

  protected WaferScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, ScanSpec spec,
      WaferOptions options) {
    super(cluster, traits, List.of(), table);
    this.spec = requireNonNull(spec, "spec");
    this.options = requireNonNull(options, "options");
  }

  public final ScanSpec spec() {
    return spec;
  }

  public final WaferOptions options() {
    return options;
  }

  /** A scan of the same kind and table with another specification. */
  public abstract WaferScan withSpec(ScanSpec newSpec);

  @Override
  public final RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return this;
  }

  @Override
  public final RelDataType deriveRowType() {
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
  public final RelWriter explainTerms(RelWriter pw) {
    if (description == null) {
      description = spec.describe();
      partitions = partitions();
    }
    RelWriter w = super.explainTerms(pw).item("spec", description);
    return w.itemIf("partitions", partitions[0] + "/" + partitions[1], partitions[1] > 1);
  }

  /** Distinct partition directories kept by the spec and in the table. */
  private int[] partitions() {
    WaferTable t = table.unwrap(WaferTable.class);
    int total = t == null ? TableFile.partitionCount(spec.files()) : t.partitionCount();
    return new int[] {TableFile.partitionCount(spec.files()), total};
  }

  /**
   * Rows out: rows in the selected files times the guessed share the pushed predicate keeps; with
   * a pushed aggregate, Calcite's own guess for the groups (a tenth of its input, one row without
   * keys).
   */
  @Override
  public final double estimateRowCount(RelMetadataQuery mq) {
    // a filter bound at execution: Calcite's guess for a comparison, per conjunct (so that of two
    // alternatives the one binding more of a join's condition is preferred)
    double bound = spec.scalarFilter() == null ? 1D
        : Math.pow(0.25D, RelOptUtil.conjunctions(spec.scalarFilter().condition()).size());
    double rows = Math.max(1D, spec.rows() * Selectivity.estimate(spec.predicate()) * bound);
    if (spec.aggregate() == null) {
      return rows;
    }
    return spec.aggregate().keys().isEmpty() ? 1 : Math.max(1, rows / 10D);
  }
}
