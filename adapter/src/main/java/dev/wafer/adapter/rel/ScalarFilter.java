package dev.wafer.adapter.rel;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;

/**
 * A filter whose constants come from another, small scan run earlier in the same query.
 *
 * <ul>
 *   <li>A scalar filter ({@code semi} false): the join of a table with a one-row aggregate of it
 *       ({@code t CROSS JOIN (SELECT AVG(x) m, STDDEV(x) s FROM t) g WHERE ABS(t.x - g.m) > 3 *
 *       g.s}). The aggregate's values become literals and the condition an ordinary pushed
 *       predicate; the join's condition becomes TRUE.
 *   <li>A semi-join reduction ({@code semi} true, Trino's "dynamic filtering"): the join of a
 *       large table with a small one ({@code test_results JOIN specs ON t.test_num = s.test_num
 *       AND t.test_value > s.hi_limit}). Each small-side row's values give one disjunct; a large
 *       row that matches none cannot join and is dropped in the scan. The join keeps its condition
 *       and still pairs the rows, so when the small side turns out large or a value cannot be
 *       bound, the filter is simply left out.
 * </ul>
 *
 * @param source for a scalar filter, a scan with an aggregate without keys (exactly one row); for a
 *     semi-join reduction, a row scan
 * @param condition over the table's columns ({@code $i}: table ordinal i) and the source's fields
 *     ({@code $(tableColumns + j)}: field j of a source row); for a scalar filter, when any source
 *     field it reads is NULL, the condition is never TRUE (the rule checks this)
 * @param sourceFields the source's field names, for plans
 * @param sourceRowType the source's row type (the types of the literals made from its values)
 * @param semi whether this is a semi-join reduction rather than a scalar filter
 */
public record ScalarFilter(ScanSpec source, RexNode condition, List<String> sourceFields, RelDataType sourceRowType,
    boolean semi) {
  /** Most rows a semi-join reduction's source may have: one disjunct each. */
  public static final int MAX_SEMI_ROWS = 64;

  public ScalarFilter {
    requireNonNull(source, "source");
    requireNonNull(condition, "condition");
    sourceFields = List.copyOf(sourceFields);
    requireNonNull(sourceRowType, "sourceRowType");
    if (!semi && (source.aggregate() == null || !source.aggregate().keys().isEmpty())) {
      throw new IllegalArgumentException("the source of a scalar filter must be an aggregate without keys");
    }
    if (semi && source.aggregate() != null) {
      throw new IllegalArgumentException("the source of a semi-join reduction must be a row scan");
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
    return text + (semi ? " for some row g of (" : " with g = (") + source.describe() + ")";
  }
}
