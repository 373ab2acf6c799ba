package dev.wafer.adapter.predicate;

import dev.wafer.adapter.predicate.ScanPredicate.And;
import dev.wafer.adapter.predicate.ScanPredicate.Compare;
import dev.wafer.adapter.predicate.ScanPredicate.In;
import dev.wafer.adapter.predicate.ScanPredicate.IsNull;
import dev.wafer.adapter.predicate.ScanPredicate.Not;
import dev.wafer.adapter.predicate.ScanPredicate.NullAs;
import dev.wafer.adapter.predicate.ScanPredicate.Or;

/**
 * A guess of the share of rows a pushed predicate keeps, with the same constants Calcite guesses
 * for a filter ({@code RelMdUtil.guessSelectivity}: equality 0.15, other comparisons 0.5, IS NOT
 * NULL 0.9, anything else 0.25), so a scan with the predicate pushed is estimated to return
 * what the filter above it would have, and therefore costs less than scan plus filter.
 */
public final class Selectivity {
  private Selectivity() {}

  public static double estimate(ScanPredicate p) {
    if (p == null) {
      return 1;
    }
    if (p instanceof And and) {
      double s = 1;
      for (ScanPredicate t : and.terms()) {
        s *= estimate(t);
      }
      return s;
    }
    if (p instanceof Or or) {
      double none = 1;
      for (ScanPredicate t : or.terms()) {
        none *= 1 - estimate(t);
      }
      return 1 - none;
    }
    if (p instanceof Not not) {
      return not.term() instanceof IsNull ? 0.9 : Math.max(0.05, 1 - estimate(not.term()));
    }
    if (p instanceof NullAs n) {
      return estimate(n.term());
    }
    if (p instanceof Compare c) {
      return c.op() == CompareOp.EQ ? 0.15 : c.op() == CompareOp.NE ? 0.85 : 0.5;
    }
    if (p instanceof In in) {
      return Math.min(0.9, 0.15 * in.literals().size());
    }
    if (p instanceof IsNull) {
      return 0.1;
    }
    return 0.25;
  }
}
