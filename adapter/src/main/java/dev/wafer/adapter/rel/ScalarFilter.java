package dev.wafer.adapter.rel;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.rex.RexNode;

/**
 * A filter whose constants come from a one-row scan run earlier in the same query: the join of a
 * table with a scalar aggregate of it ({@code t CROSS JOIN (SELECT AVG(x) m, STDDEV(x) s FROM
 * t) g WHERE ABS(t.x - g.m) > 3 * g.s}). At execution the source's row is computed, its values
 * become literals, and the condition becomes an ordinary pushed predicate, evaluated by the
 * vectorized kernels instead of per row in a nested-loop join.
 *
 * @param source a scan with an aggregate without keys: exactly one row
 * @param condition over the table's columns ({@code $i}: table ordinal i) and the source's fields
 *     ({@code $(tableColumns + j)}: field j of the source's row); when any source field it reads is
 *     NULL, the condition is never TRUE (the rule checks this)
 * @param sourceFields the source's field names, for plans
 */
public record ScalarFilter(ScanSpec source, RexNode condition, List<String> sourceFields) {
  public ScalarFilter {
    requireNonNull(source, "source");
    requireNonNull(condition, "condition");
    sourceFields = List.copyOf(sourceFields);
    if (source.aggregate() == null || !source.aggregate().keys().isEmpty()) {
      throw new IllegalArgumentException("the source of a scalar filter must be an aggregate without keys");
    }
  }

  /** As plans print it: the condition, then where its scalars come from. */
  String describe(List<String> tableColumns) {
    String text = condition.toString();
    // longest ordinals first, so that $1 does not rewrite the start of $12
    for (int i = tableColumns.size() + sourceFields.size() - 1; i >= 0; i--) {
      String name = i < tableColumns.size() ? tableColumns.get(i) : "g." + sourceFields.get(i - tableColumns.size());
      text = text.replace("$" + i, name);
    }
    return text + " with g = (" + source.describe() + ")";
  }
}
