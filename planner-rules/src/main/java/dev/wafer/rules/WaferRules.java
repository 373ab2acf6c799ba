package dev.wafer.rules;

import dev.wafer.adapter.rel.ScanRuleProvider;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;

/**
 * The planner rules that push work into Wafer scans, one instance each. The scan registers {@link
 * #ALL} with the planner through {@link Provider} (a {@code ServiceLoader} service), unless the
 * connection says {@code rules=off}.
 */
public final class WaferRules {
  /** Filter on a scan: pushed predicate, partition and statistics pruning. */
  public static final RelOptRule FILTER_INTO_SCAN = FilterIntoScanRule.DEFAULT.toRule();
  /** Project on a scan: column pruning. */
  public static final RelOptRule PROJECT_INTO_SCAN = ProjectIntoScanRule.DEFAULT.toRule();

  public static final List<RelOptRule> ALL = List.of(FILTER_INTO_SCAN, PROJECT_INTO_SCAN);

  private WaferRules() {}

  /** The {@link ScanRuleProvider} service entry for these rules. */
  public static final class Provider implements ScanRuleProvider {
    @Override
    public List<RelOptRule> rules() {
      return ALL;
    }
  }
}
