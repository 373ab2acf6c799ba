package dev.wafer.adapter.agg;

import dev.wafer.adapter.dataset.ColumnStats;
import dev.wafer.adapter.dataset.ContainerStats;
import dev.wafer.adapter.table.ColumnKind;
import dev.wafer.adapter.table.TableColumn;
import dev.wafer.adapter.table.TableFile;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Answers a record batch from Wafer's stored statistics instead of reading it, when the aggregate
 * allows: every key constant in the file (partition columns, or no key), no FILTER, and only
 * COUNT(*) (row count), COUNT(col) (rows minus nulls), MIN/MAX of numeric, date and timestamp
 * columns (the batch's min/max; not when NaNs were seen). Anything unknown makes the batch be
 * read as usual — statistics never guess.
 */
public final class StatisticsAnswer {
  private static final long DAY_MILLIS = 86_400_000L;
  private final AggregateSpec spec;
  private final List<TableColumn> columns;

  private StatisticsAnswer(AggregateSpec spec, List<TableColumn> columns) {
    this.spec = spec;
    this.columns = columns;
  }

  /** The answerer for an aggregate, or null when no batch of it can be answered from statistics. */
  static StatisticsAnswer of(AggregateSpec spec, List<TableColumn> columns) {
    for (AggCall c : spec.calls()) {
      boolean ok = c.filter() == null && switch (c.kind()) {
        case COUNT_STAR, COUNT -> true;
        case MIN, MAX -> {
          ColumnKind k = columns.get(c.column()).kind();
          yield k != ColumnKind.TIME && k != ColumnKind.VARCHAR && k != ColumnKind.DECIMAL;
        }
        default -> false;
      };
      if (!ok) {
        return null;
      }
    }
    return new StatisticsAnswer(spec, columns);
  }

  /**
   * Folds batch {@code batch} of {@code file} into {@code partial} from statistics.
   *
   * @param fileField per scan column, its field index in the file, or -1 when constant
   * @param constants per scan column, the constant value when {@code fileField} is -1
   * @return false (and nothing changed) when the statistics cannot answer; the batch must be read
   */
  public boolean answer(PartialAggregate partial, TableFile file, int batch, int[] fileField, Object[] constants) {
    if (file.stats() == null || batch >= file.stats().batches().size()) {
      return false;
    }
    for (GroupKey k : spec.keys()) {
      if (fileField[k.column()] >= 0) {
        return false;
      }
    }
    ContainerStats stats = file.stats().batches().get(batch);
    int n = spec.calls().size();
    long[] counts = new long[n];
    Object[] extremes = new Object[n];
    for (int i = 0; i < n; i++) {
      AggCall call = spec.calls().get(i);
      if (call.kind() == AggKind.COUNT_STAR) {
        counts[i] = stats.rows();
        continue;
      }
      int c = call.column();
      if (fileField[c] < 0) {
        Object constant = constants[c];
        counts[i] = constant == null ? 0 : stats.rows();
        extremes[i] = constant instanceof Boolean b ? (Object) (b ? 1L : 0L) : constant;
        continue;
      }
      ColumnStats cs = stats.column(columns.get(c).name());
      if (cs == null || cs.nanCount() > 0) {
        return false;
      }
      counts[i] = stats.rows() - cs.nullCount();
      if (call.kind() != AggKind.COUNT && cs.min() != null) {
        Object v = call.kind() == AggKind.MIN ? cs.min() : cs.max();
        extremes[i] = calciteValue(v, file.schema().getFields().get(fileField[c]).getType());
        if (extremes[i] == null) {
          return false;
        }
      }
    }
    int group = partial.groupOfConstants(constantColumns(constants));
    for (int i = 0; i < n; i++) {
      Accumulator a = partial.accumulators[i];
      if (a instanceof CountAccumulator count) {
        count.addCount(group, counts[i]);
      } else if (extremes[i] instanceof Double d) {
        ((MinMaxDoubleAccumulator) a).offer(group, d);
      } else if (extremes[i] instanceof Float f) {
        ((MinMaxDoubleAccumulator) a).offer(group, f);
      } else if (extremes[i] instanceof Number x) {
        ((MinMaxLongAccumulator) a).offer(group, x.longValue());
      }
    }
    return true;
  }

  /** A statistics value ({@code Long} in column units, Double, Boolean) in Calcite's domain, or null. */
  private static Object calciteValue(Object v, ArrowType type) {
    if (v instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    if (v instanceof Double) {
      return v;
    }
    if (!(v instanceof Long x)) {
      return null;
    }
    if (type instanceof ArrowType.Timestamp ts) {
      switch (ts.getUnit()) {
        case SECOND: return x * 1000;
        case MILLISECOND: return x;
        case MICROSECOND: return Math.floorDiv(x, 1000L);
        default: return Math.floorDiv(x, 1_000_000L);
      }
    }
    if (type instanceof ArrowType.Date d) {
      return d.getUnit() == DateUnit.MILLISECOND ? Math.floorDiv(x, DAY_MILLIS) : x;
    }
    return type instanceof ArrowType.Int ? x : null;
  }

  private static BatchColumns constantColumns(Object[] constants) {
    return new BatchColumns() {
      @Override
      public FieldVector vector(int column) {
        return null;
      }

      @Override
      public Object constant(int column) {
        return constants[column];
      }

      @Override
      public String[] dictionary(int column) {
        return null;
      }
    };
  }
}
