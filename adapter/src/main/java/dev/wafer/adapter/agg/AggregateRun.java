package dev.wafer.adapter.agg;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.table.TableColumn;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One execution of a pushed aggregate: hands each scan worker its {@link PartialAggregate},
 * collects them when the workers finish, merges them once (combine, finalize once) and produces
 * the result rows in Calcite's Java representation.
 */
public final class AggregateRun {
  /** Rough heap cost of one result row beyond its states (array, boxed values). */
  private static final long ROW_BYTES = 64;

  private final AggregateSpec spec;
  private final List<TableColumn> columns;
  private final StringCodes codes = StringCodes.shared();
  private final MemoryBudget budget;
  private final List<PartialAggregate> partials = new ArrayList<>();
  private final StatisticsAnswer statistics;

  /**
   * @param columns the scan's columns (the aggregate's column indexes point into this list)
   * @param statisticsAllowed whether batches may be answered from statistics (the scan still
   *     asks only for batches its pushed predicate, if any, provably keeps whole)
   */
  public AggregateRun(AggregateSpec spec, List<TableColumn> columns, MemoryBudget budget, boolean statisticsAllowed) {
    this.spec = requireNonNull(spec, "spec");
    this.columns = List.copyOf(columns);
    this.budget = requireNonNull(budget, "budget");
    this.statistics = statisticsAllowed ? StatisticsAnswer.of(spec, this.columns) : null;
  }

  /** A new, empty partial for one worker. */
  public PartialAggregate newPartial() {
    return new PartialAggregate(spec, columns, codes, budget);
  }

  /** Whether batches can be answered from file statistics (see {@link StatisticsAnswer}). */
  public StatisticsAnswer statistics() {
    return statistics;
  }

  /** Hands in a worker's partial once the worker is done. */
  public synchronized void finished(PartialAggregate partial) {
    partials.add(requireNonNull(partial, "partial"));
  }

  /**
   * Merges the partials and returns the groups column-major: {@code result[c][g]} is output
   * column c (keys, then calls) of group g; one group for a global aggregate.
   */
  public synchronized Object[][] result() {
    PartialAggregate target = partials.isEmpty() ? newPartial() : partials.get(0);
    for (int p = 1; p < partials.size(); p++) {
      PartialAggregate other = partials.get(p);
      int n = other.groupCount();
      int[] map = new int[n];
      long[] tuple = new long[other.table.width()];
      for (int i = 0; i < n; i++) {
        for (int w = 0; w < tuple.length; w++) {
          tuple[w] = other.table.key(i, w);
        }
        map[i] = target.table.find(tuple);
      }
      target.ensureCapacity(target.groupCount());
      for (int a = 0; a < target.accumulators.length; a++) {
        target.accumulators[a].merge(other.accumulators[a], map, n);
      }
    }
    if (spec.keys().isEmpty() && target.groupCount() == 0) {
      target.table.find(new long[] {0});
      target.ensureCapacity(1);
    }
    int groups = target.groupCount();
    budget.reserve(groups * (ROW_BYTES + 16L * spec.rowType().getFieldCount()), "result", groups);
    List<RelDataTypeField> fields = spec.rowType().getFieldList();
    int k = spec.keys().size();
    Object[][] out = new Object[fields.size()][groups];
    for (int j = 0; j < k; j++) {
      SqlTypeName type = fields.get(j).getType().getSqlTypeName();
      for (int g = 0; g < groups; g++) {
        if ((target.table.key(g, k) >> j & 1) == 0) {
          out[j][g] = keyValue(j, target.table.key(g, j), type);
        }
      }
    }
    for (int a = 0; a < target.accumulators.length; a++) {
      SqlTypeName type = fields.get(k + a).getType().getSqlTypeName();
      for (int g = 0; g < groups; g++) {
        out[k + a][g] = target.accumulators[a].result(g, type);
      }
    }
    return out;
  }

  private Object keyValue(int j, long word, SqlTypeName type) {
    GroupKey key = spec.keys().get(j);
    switch (ValueKind.of(columns.get(key.column()).kind())) {
      case STRING:
        return codes.string(word);
      case DOUBLE:
        double d = Double.longBitsToDouble(word);
        return type == SqlTypeName.REAL ? (Object) (float) d : (Object) d;
      default:
        return Accumulator.ofLong(word, type);
    }
  }
}
