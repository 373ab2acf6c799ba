package dev.wafer.adapter.predicate;

import dev.wafer.adapter.dataset.BucketHash;
import dev.wafer.adapter.predicate.ScanPredicate.And;
import dev.wafer.adapter.predicate.ScanPredicate.Arith;
import dev.wafer.adapter.predicate.ScanPredicate.Column;
import dev.wafer.adapter.predicate.ScanPredicate.Compare;
import dev.wafer.adapter.predicate.ScanPredicate.In;
import dev.wafer.adapter.predicate.ScanPredicate.IsNull;
import dev.wafer.adapter.predicate.ScanPredicate.Not;
import dev.wafer.adapter.predicate.ScanPredicate.NullAs;
import dev.wafer.adapter.predicate.ScanPredicate.Or;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The one pruning test for every kind of container (partition, file, record batch): given what is
 * known about each column ({@link ColumnRange}), which truth values can the predicate take on
 * some row? The answer is a set ({@link Tri} mask); a container is skipped only when TRUE is not
 * in it, i.e. when the ranges prove no row can match. Anything not understood (LIKE, arithmetic,
 * unknown bounds) answers "FALSE or TRUE", which keeps the container. AND and OR combine the
 * children's sets as if they were independent, which can only add values, never remove them, so
 * OR across a partition column and a data column keeps every container a row could match in.
 */
public final class RangePruner {
  private RangePruner() {}

  /** Whether some row of a container with these column ranges may satisfy the predicate. */
  public static boolean mayMatch(ScanPredicate p, IntFunction<ColumnRange> rangeOfOrdinal) {
    return (possible(p, rangeOfOrdinal) & Tri.MAY_TRUE) != 0;
  }

  /** The truth values the predicate may take on rows of the container (a {@link Tri} mask). */
  public static int possible(ScanPredicate p, IntFunction<ColumnRange> ranges) {
    if (p instanceof And and) {
      return fold(and.terms(), ranges, true);
    } else if (p instanceof Or or) {
      return fold(or.terms(), ranges, false);
    } else if (p instanceof Not not) {
      return Tri.notMask(possible(not.term(), ranges));
    } else if (p instanceof NullAs n) {
      int m = possible(n.term(), ranges);
      return (m & ~Tri.MAY_NULL) | ((m & Tri.MAY_NULL) != 0 ? (n.nullValue() ? Tri.MAY_TRUE : Tri.MAY_FALSE) : 0);
    }
    return leaf(p, ranges.apply(BatchFilter.leafColumn(p).ordinal()));
  }

  private static int fold(List<ScanPredicate> terms, IntFunction<ColumnRange> ranges, boolean and) {
    int m = possible(terms.get(0), ranges);
    for (int i = 1; i < terms.size(); i++) {
      m = Tri.combine(m, possible(terms.get(i), ranges), and);
    }
    return m;
  }

  private static int leaf(ScanPredicate leaf, ColumnRange r) {
    boolean values = r.mayHaveValues();
    if (leaf instanceof IsNull) {
      return (r.mayBeNull() ? Tri.MAY_TRUE : 0) | (values ? Tri.MAY_FALSE : 0);
    }
    int nulls = r.mayBeNull() ? Tri.MAY_NULL : 0;
    if (!values) {
      return nulls;
    }
    if (leaf instanceof Compare c && c.operand() instanceof Column col) {
      return nulls | compare(col, c.op(), c.literal(), r);
    }
    if (leaf instanceof In in && in.operand() instanceof Column col) {
      int m = 0;
      for (Object l : in.literals()) {
        m |= compare(col, CompareOp.EQ, l, r);
      }
      // FALSE needs one row unequal to every literal; conservatively assume it unless one literal
      // is always equal (a single-valued range)
      boolean alwaysEqual = (m & Tri.MAY_FALSE) == 0 || in.literals().stream()
          .anyMatch(l -> (compare(col, CompareOp.EQ, l, r) & Tri.MAY_FALSE) == 0);
      return nulls | (m & Tri.MAY_TRUE) | (alwaysEqual ? 0 : Tri.MAY_FALSE);
    }
    return nulls | Tri.MAY_TRUE | Tri.MAY_FALSE; // LIKE, arithmetic: not understood
  }

  /** Possible values of {@code x op literal} over the non-null values of a range. */
  private static int compare(Column col, CompareOp op, Object literal, ColumnRange r) {
    boolean nanRow = r.mayBeNaN() && col.domain() == ScanPredicate.Domain.DOUBLE;
    int nanMask = nanRow ? (op == CompareOp.NE ? Tri.MAY_TRUE : Tri.MAY_FALSE) : 0;
    if (literal instanceof Double d && d.isNaN()) {
      return (op == CompareOp.NE ? Tri.MAY_TRUE : Tri.MAY_FALSE) | nanMask;
    }
    if (op == CompareOp.EQ && r.buckets() > 0 && !inBucket(col, literal, r)) {
      return Tri.MAY_FALSE | nanMask;
    }
    if (r.min() == null) {
      return Tri.MAY_TRUE | Tri.MAY_FALSE | nanMask;
    }
    int lo = cmp(col, r.min(), literal);
    int hi = cmp(col, r.max(), literal);
    boolean canTrue;
    boolean canFalse;
    switch (op) {
      case EQ: canTrue = lo <= 0 && hi >= 0; canFalse = !(lo == 0 && hi == 0); break;
      case NE: canTrue = !(lo == 0 && hi == 0); canFalse = lo <= 0 && hi >= 0; break;
      case LT: canTrue = lo < 0; canFalse = hi >= 0; break;
      case LE: canTrue = lo <= 0; canFalse = hi > 0; break;
      case GT: canTrue = hi > 0; canFalse = lo <= 0; break;
      default: canTrue = hi >= 0; canFalse = lo < 0; break;
    }
    return (canTrue ? Tri.MAY_TRUE : 0) | (canFalse ? Tri.MAY_FALSE : 0) | nanMask;
  }

  /** Whether the literal hashes to the range's bucket (kinds hashed by their SQL value only). */
  private static boolean inBucket(Column col, Object literal, ColumnRange r) {
    int hash;
    switch (col.kind()) {
      case TINYINT: case SMALLINT: case INTEGER: case BIGINT: case DATE:
        if (!(literal instanceof Long l)) {
          return !(literal instanceof BigDecimal); // a non-integral literal equals no integer
        }
        hash = BucketHash.hashLong(l);
        break;
      case VARCHAR:
        hash = BucketHash.hashString((String) literal);
        break;
      default:
        return true;
    }
    return BucketHash.bucket(hash, r.buckets()) == r.bucket();
  }

  /** Compares a range bound with a literal in the column's domain (doubles: primitive order). */
  private static int cmp(Column col, Object bound, Object literal) {
    switch (col.domain()) {
      case LONG:
        long b = ((Number) bound).longValue();
        return literal instanceof BigDecimal d ? BigDecimal.valueOf(b).compareTo(d)
            : Long.compare(b, ((Number) literal).longValue());
      case DOUBLE:
        double x = ((Number) bound).doubleValue();
        double y = ((Number) literal).doubleValue();
        return x < y ? -1 : x > y ? 1 : 0;
      case DECIMAL:
        return Integer.signum(((BigDecimal) bound).compareTo((BigDecimal) literal));
      case BOOLEAN:
        return Boolean.compare((Boolean) bound, (Boolean) literal);
      default:
        return Integer.signum(((String) bound).compareTo((String) literal));
    }
  }
}
