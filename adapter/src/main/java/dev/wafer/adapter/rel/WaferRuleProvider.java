package dev.wafer.adapter.rel;

import java.util.List;
import java.util.ServiceLoader;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;

/**
 * Where the scan finds the planner rules that push work into it. The adapter may not import the
 * rules (module planner-rules depends on the adapter, not the other way round), so rule modules
 * register a provider in {@code META-INF/services/dev.wafer.adapter.rel.WaferRuleProvider};
 * {@link WaferTableScan#register} adds every provider's rules to the planner unless the
 * connection says {@code rules=off}. Every pushdown (filters, aggregates, …) uses this one hook.
 */
public interface WaferRuleProvider {
  /** The rules to add to a planner that plans a query over a Wafer table. */
  List<RelOptRule> rules();

  /** Adds the rules of every provider on the class path to {@code planner}. */
  static void registerAll(RelOptPlanner planner) {
    for (WaferRuleProvider p : ServiceLoader.load(WaferRuleProvider.class, WaferRuleProvider.class.getClassLoader())) {
      for (RelOptRule r : p.rules()) {
        planner.addRule(r);
      }
    }
  }
}
