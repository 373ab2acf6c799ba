package dev.wafer.adapter.predicate;

import java.util.List;
import org.apache.calcite.rex.RexNode;

/**
 * A filter condition split into what a scan evaluates and what stays above it.
 *
 * @param pushed the conjunction of the translated conjuncts, or null when none translated
 * @param residual the conjuncts left to a Calcite filter, unchanged
 */
public record PushdownSplit(ScanPredicate pushed, List<RexNode> residual) {
  public PushdownSplit {
    residual = List.copyOf(residual);
  }
}
