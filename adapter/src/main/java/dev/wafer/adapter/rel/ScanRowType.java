package dev.wafer.adapter.rel;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;

/** The row type of a scan: the table's fields at the spec's projected ordinals. */
final class ScanRowType {
  private ScanRowType() {}

  static RelDataType of(RelOptCluster cluster, RelOptTable table, ScanSpec spec) {
    List<RelDataTypeField> all = table.getRowType().getFieldList();
    RelDataTypeFactory.Builder builder = cluster.getTypeFactory().builder();
    for (int c : spec.columns()) {
      builder.add(all.get(c));
    }
    return builder.build();
  }
}
