package dev.wafer.adapter.agg;

import dev.wafer.adapter.agg.AggPredicate.And;
import dev.wafer.adapter.agg.AggPredicate.Compare;
import dev.wafer.adapter.agg.AggPredicate.IsNotTrue;
import dev.wafer.adapter.agg.AggPredicate.IsNull;
import dev.wafer.adapter.agg.AggPredicate.IsTrue;
import dev.wafer.adapter.agg.AggPredicate.Not;
import dev.wafer.adapter.agg.AggPredicate.Or;
import java.util.List;
import java.util.stream.Collectors;

/** Structural operations on {@link AggPredicate} trees: column remapping and plan text. */
final class Predicates {
  private Predicates() {}

  static AggPredicate remap(AggPredicate p, int[] map) {
    if (p instanceof Compare c) {
      return new Compare(map[c.column()], c.op(), c.literal());
    } else if (p instanceof IsNull n) {
      return new IsNull(map[n.column()], n.negated());
    } else if (p instanceof IsTrue t) {
      return new IsTrue(map[t.column()]);
    } else if (p instanceof And a) {
      return new And(a.operands().stream().map(o -> remap(o, map)).toList());
    } else if (p instanceof Or o) {
      return new Or(o.operands().stream().map(x -> remap(x, map)).toList());
    } else if (p instanceof IsNotTrue n) {
      return new IsNotTrue(remap(n.operand(), map));
    } else {
      return new Not(remap(((Not) p).operand(), map));
    }
  }

  static String describe(AggPredicate p, List<String> names) {
    if (p instanceof Compare c) {
      return names.get(c.column()) + " " + c.op() + " " + c.literal();
    } else if (p instanceof IsNull n) {
      return names.get(n.column()) + (n.negated() ? " IS NOT NULL" : " IS NULL");
    } else if (p instanceof IsTrue t) {
      return names.get(t.column());
    } else if (p instanceof And a) {
      return a.operands().stream().map(o -> describe(o, names)).collect(Collectors.joining(" AND ", "(", ")"));
    } else if (p instanceof Or o) {
      return o.operands().stream().map(x -> describe(x, names)).collect(Collectors.joining(" OR ", "(", ")"));
    } else if (p instanceof IsNotTrue n) {
      return "(" + describe(n.operand(), names) + ") IS NOT TRUE";
    } else {
      return "NOT " + describe(((Not) p).operand(), names);
    }
  }
}
