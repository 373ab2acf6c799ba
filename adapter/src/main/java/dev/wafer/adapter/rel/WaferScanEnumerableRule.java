package dev.wafer.adapter.rel;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Makes a logical {@link WaferTableScan} enumerable: the same scan, in the enumerable convention. */
public final class WaferScanEnumerableRule extends ConverterRule {
  public static final WaferScanEnumerableRule INSTANCE = new WaferScanEnumerableRule(Config.INSTANCE
      .withConversion(WaferTableScan.class, Convention.NONE, EnumerableConvention.INSTANCE,
          "WaferScanEnumerableRule")
      .withRuleFactory(WaferScanEnumerableRule::new));

  private WaferScanEnumerableRule(Config config) {
    super(config);
  }

  @Override
  public RelNode convert(RelNode rel) {
    return rel.copy(rel.getTraitSet().replace(EnumerableConvention.INSTANCE), List.of());
  }
}
