package dev.wafer.adapter.rel;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.WaferOptions;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
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
    List<RelDataTypeField> all = table.getRowType().getFieldList();
    RelDataTypeFactory.Builder builder = getCluster().getTypeFactory().builder();
    for (int c : spec.columns()) {
      builder.add(all.get(c));
    }
    return builder.build();
  }

  @Override
  public final RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("spec", spec.describe());
  }

  @Override
  public final double estimateRowCount(RelMetadataQuery mq) {
    return spec.rows();
  }
}
