package dev.wafer.rules;

import dev.wafer.adapter.rel.ScanRuleProvider;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;

/**
 * The planner rules that push work into Wafer scans, one instance each, listed once in {@link
 * #ALL}. The scan registers them with the planner through {@link Provider} (the one {@code
 * ServiceLoader} service, {@link ScanRuleProvider}), unless the connection says {@code rules=off}.
 */
public final class WaferRules {
  /** Filter on a scan: pushed predicate, partition and statistics pruning. */
  public static final RelOptRule FILTER_INTO_SCAN = FilterIntoScanRule.DEFAULT.toRule();
  /** Project on a scan: column pruning. */
  public static final RelOptRule PROJECT_INTO_SCAN = ProjectIntoScanRule.DEFAULT.toRule();
  /** Aggregate directly over a scan (which may carry a pushed predicate). */
  public static final AggregateIntoScanRule AGGREGATE_SCAN = AggregateIntoScanRule.Config.AGGREGATE_SCAN.toRule();
  /** Aggregate over a Project (input refs, time buckets, FILTER conditions) over a scan. */
  public static final AggregateIntoScanRule AGGREGATE_PROJECT_SCAN =
      AggregateIntoScanRule.Config.AGGREGATE_PROJECT_SCAN.toRule();

  /** Join of a row scan with a one-row aggregate: the join condition bound into the row scan. */
  public static final RelOptRule SCALAR_JOIN_INTO_SCAN = ScalarJoinIntoScanRule.SCAN_SCAN.toRule();
  /** The same, the aggregate under a project on the right. */
  public static final RelOptRule SCALAR_PROJECT_JOIN_INTO_SCAN = ScalarJoinIntoScanRule.SCAN_PROJECT.toRule();
  /** The same, the aggregate under a project on the left. */
  public static final RelOptRule PROJECT_SCALAR_JOIN_INTO_SCAN = ScalarJoinIntoScanRule.PROJECT_SCAN.toRule();

  /** Aggregate of a row scan's fields over its TRUE join with a one-row aggregate: the row scan alone. */
  public static final RelOptRule AGGREGATE_OVER_SCALAR_JOIN = AggregateOverScalarJoinRule.SCAN_SCAN.toRule();
  /** The same, the one-row aggregate under a project on the right. */
  public static final RelOptRule AGGREGATE_OVER_SCALAR_PROJECT_JOIN = AggregateOverScalarJoinRule.SCAN_PROJECT.toRule();
  /** The same, the one-row aggregate under a project on the left. */
  public static final RelOptRule AGGREGATE_OVER_PROJECT_SCALAR_JOIN = AggregateOverScalarJoinRule.PROJECT_SCAN.toRule();

  /** Every Wafer rule, in registration order. */
  public static final List<RelOptRule> ALL =
      List.of(FILTER_INTO_SCAN, PROJECT_INTO_SCAN, AGGREGATE_SCAN, AGGREGATE_PROJECT_SCAN, SCALAR_JOIN_INTO_SCAN,
          SCALAR_PROJECT_JOIN_INTO_SCAN, PROJECT_SCALAR_JOIN_INTO_SCAN, AGGREGATE_OVER_SCALAR_JOIN,
          AGGREGATE_OVER_SCALAR_PROJECT_JOIN, AGGREGATE_OVER_PROJECT_SCALAR_JOIN);

  private WaferRules() {}

  /** The {@link ScanRuleProvider} service entry for these rules. */
  public static final class Provider implements ScanRuleProvider {
    @Override
    public List<RelOptRule> rules() {
      return ALL;
    }
  }
}
