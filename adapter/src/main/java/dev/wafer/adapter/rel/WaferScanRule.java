package dev.wafer.adapter.rel;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/**
 * Implements a {@link WaferLogicalScan} as a {@link WaferTableScan} with the same specification.
 * Not a pushdown rule: it is registered even with {@code rules=off}.
 */
public final class WaferScanRule extends ConverterRule {
  public static final WaferScanRule INSTANCE = Config.INSTANCE
      .withConversion(WaferLogicalScan.class, Convention.NONE, EnumerableConvention.INSTANCE, "WaferScanRule")
      .withRuleFactory(WaferScanRule::new)
      .toRule(WaferScanRule.class);

  private WaferScanRule(Config config) {
    super(config);
  }

  @Override
  public RelNode convert(RelNode rel) {
    WaferLogicalScan scan = (WaferLogicalScan) rel;
    return new WaferTableScan(scan.getCluster(), scan.getTable(), scan.spec(), scan.options());
  }
}
