package dev.wafer.adapter.rel;

import java.util.List;
import java.util.ServiceLoader;
import org.apache.calcite.plan.RelOptRule;

/**
 * Planner rules that push work into a {@link WaferTableScan}, found with {@link ServiceLoader}
 * ({@code META-INF/services/dev.wafer.adapter.rel.ScanRuleProvider}) so the adapter never imports
 * the module that defines them (DESIGN §2). A scan registers them with the planner when it is
 * first registered, unless its options say {@code rules=off}.
 */
public interface ScanRuleProvider {
  /** The rules to add to the planner. */
  List<RelOptRule> rules();

  /** Every provider's rules on the class path, loaded once. */
  static List<RelOptRule> loaded() {
    return Loaded.RULES;
  }

  /** Holder: the class path is scanned once, on first use. */
  final class Loaded {
    static final List<RelOptRule> RULES = ServiceLoader.load(ScanRuleProvider.class).stream()
        .flatMap(p -> p.get().rules().stream()).toList();

    private Loaded() {}
  }
}
