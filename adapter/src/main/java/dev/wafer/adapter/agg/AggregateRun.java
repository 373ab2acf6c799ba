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
  private final StringCodes codes = new StringCodes();
  private final MemoryBudget budget;
  private final List<PartialAggregate> partials = new ArrayList<>();
  private final StatisticsAnswer statistics;

  /**
   * @param columns the scan's columns (the aggregate's column indexes point into this list)
   * @param statisticsAllowed whether batches may be answered from statistics (false when a
   *     predicate selects rows, which statistics cannot count)
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

  /** Merges the partials and returns one row per group (one row for a global aggregate). */
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
    budget.reserve(groups * (ROW_BYTES + 16L * spec.rowType().getFieldCount()), "result of " + groups + " groups");
    List<RelDataTypeField> fields = spec.rowType().getFieldList();
    int k = spec.keys().size();
    Object[][] rows = new Object[groups][];
    for (int g = 0; g < groups; g++) {
      Object[] row = new Object[fields.size()];
      long nulls = target.table.key(g, k);
      for (int j = 0; j < k; j++) {
        if ((nulls >> j & 1) == 0) {
          row[j] = keyValue(j, target.table.key(g, j), fields.get(j).getType().getSqlTypeName());
        }
      }
      for (int a = 0; a < target.accumulators.length; a++) {
        row[k + a] = target.accumulators[a].result(g, fields.get(k + a).getType().getSqlTypeName());
      }
      rows[g] = row;
    }
    return rows;
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
