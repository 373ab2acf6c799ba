package dev.wafer.rules;

import dev.wafer.adapter.rel.WaferRuleProvider;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;

/**
 * The rules that push work into Wafer scans, listed once. The scan adds {@link #ALL} to every
 * planner it meets (unless {@code rules=off}) through {@link WaferRuleProvider}, which finds this
 * class in {@code META-INF/services}.
 */
public final class WaferRules implements WaferRuleProvider {
  /** Aggregate directly over a scan. */
  public static final AggregateIntoScanRule AGGREGATE_SCAN = AggregateIntoScanRule.Config.AGGREGATE_SCAN.toRule();
  /** Aggregate over a Project (input refs, time buckets, FILTER conditions) over a scan. */
  public static final AggregateIntoScanRule AGGREGATE_PROJECT_SCAN =
      AggregateIntoScanRule.Config.AGGREGATE_PROJECT_SCAN.toRule();

  /** Every Wafer rule, in registration order. */
  public static final List<RelOptRule> ALL = List.of(AGGREGATE_SCAN, AGGREGATE_PROJECT_SCAN);

  @Override
  public List<RelOptRule> rules() {
    return ALL;
  }
}
