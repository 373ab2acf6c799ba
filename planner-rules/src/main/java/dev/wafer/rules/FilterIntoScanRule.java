package dev.wafer.rules;

import dev.wafer.adapter.WaferTable;
import dev.wafer.adapter.predicate.PartitionHints;
import dev.wafer.adapter.predicate.PredicateTranslator;
import dev.wafer.adapter.predicate.PushdownSplit;
import dev.wafer.adapter.predicate.ScanPredicate;
import dev.wafer.adapter.predicate.ScanPruning;
import dev.wafer.adapter.rel.ScanSpec;
import dev.wafer.adapter.rel.WaferScan;
import dev.wafer.adapter.table.TableFile;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;

/**
 * Pushes the translatable conjuncts of a {@link Filter} into the {@link WaferScan} below it
 * (DESIGN §4.3): they become the scan's predicate, evaluated per batch into a selection vector;
 * the files whose partition values, derived partition keys, hash buckets or statistics prove no
 * row can match are dropped from the scan at plan time (never opened). Conjuncts that do not
 * translate stay in a filter above the scan; a filter with nothing translatable is left alone.
 */
public final class FilterIntoScanRule extends RelRule<ScanRuleConfig> {

  private FilterIntoScanRule(ScanRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Filter filter = call.rel(0);
    WaferScan scan = call.rel(1);
    ScanSpec spec = scan.spec();
    if (spec.aggregate() != null) {
      return; // the node above reads groups, not the scan's rows
    }
    PredicateTranslator translator = new PredicateTranslator(filter.getCluster().getRexBuilder(),
        filter.getCluster().getPlanner().getExecutor(), spec.tableColumns(), spec.columns());
    PushdownSplit split = translator.split(filter.getCondition());
    if (split.pushed() == null) {
      return;
    }
    ScanPredicate predicate = spec.predicate() == null ? split.pushed()
        : new ScanPredicate.And(List.of(spec.predicate(), split.pushed()));
    WaferTable table = scan.getTable().unwrap(WaferTable.class);
    PartitionHints hints = table == null ? PartitionHints.NONE : table.partitionHints();
    List<TableFile> kept = ScanPruning.keptFiles(split.pushed(), spec.tableColumns(), spec.files(), hints);
    RelNode pushed = scan.withSpec(spec.withPredicate(predicate).withFiles(kept));
    call.transformTo(split.residual().isEmpty() ? pushed
        : call.builder().push(pushed).filter(split.residual()).build());
  }

  /** Configuration: a filter on a Wafer scan. */
  public static final ScanRuleConfig DEFAULT = ScanRuleConfig.of(
      b0 -> b0.operand(Filter.class).oneInput(b1 -> b1.operand(WaferScan.class).noInputs()),
      c -> new FilterIntoScanRule(c));
}
