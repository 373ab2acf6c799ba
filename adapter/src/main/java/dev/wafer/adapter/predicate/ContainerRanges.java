package dev.wafer.adapter.predicate;

import dev.wafer.adapter.dataset.ColumnStats;
import dev.wafer.adapter.dataset.ContainerStats;
import dev.wafer.adapter.dataset.Derivation;
import dev.wafer.adapter.table.ColumnKind;
import dev.wafer.adapter.table.PartitionTypes;
import dev.wafer.adapter.table.TableColumn;
import dev.wafer.adapter.table.TableFile;
import org.apache.arrow.vector.types.Types;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Builds the {@link ColumnRange} of a table column in one file or record batch: a file column
 * from its statistics (converted to Calcite's units), a partition column from the directory
 * value, a column the file lacks as all NULL; derived partition keys narrow their source column.
 * Resolution of columns to file fields mirrors the scan's (same name and kind).
 */
final class ContainerRanges {
  private ContainerRanges() {}

  /**
   * @param stats statistics of the container (file or batch), or null when there are none
   */
  static ColumnRange of(TableColumn column, TableFile file, ContainerStats stats, PartitionHints hints) {
    ColumnRange r = base(column, file, stats);
    for (Derivation d : hints.derived()) {
      if (d.source().equals(column.name()) && file.file().partitionValues().containsKey(d.column())
          && (column.kind() == ColumnKind.TIMESTAMP || column.kind() == ColumnKind.DATE
              || d.transform().startsWith("hash"))) {
        r = PartitionHints.narrow(r, d, file.file().partitionValues().get(d.column()),
            column.kind() == ColumnKind.TIMESTAMP);
      }
    }
    return r;
  }

  private static ColumnRange base(TableColumn column, TableFile file, ContainerStats stats) {
    int index = file.fieldIndex(column);
    if (index < 0) {
      if (!file.file().partitionValues().containsKey(column.name())) {
        return ColumnRange.ALL_NULL;
      }
      try {
        return ColumnRange.constant(PartitionTypes.convert(file.file().partitionValues().get(column.name()),
            column.kind()));
      } catch (IllegalArgumentException e) {
        return ColumnRange.UNKNOWN; // the scan reports the bad directory value
      }
    }
    Field field = file.schema().getFields().get(index);
    ColumnStats s = stats == null ? null : stats.column(field.getName());
    if (s == null) {
      return ColumnRange.UNKNOWN;
    }
    boolean values = stats.rows() > s.nullCount();
    if (s.min() == null) {
      return new ColumnRange(null, null, s.nullCount() > 0, values, s.nanCount() > 0 || values, 0, 0);
    }
    Object min = toSql(s.min(), field);
    Object max = toSql(s.max(), field);
    if (min == null || max == null) {
      return ColumnRange.UNKNOWN;
    }
    return new ColumnRange(min, max, s.nullCount() > 0, values, s.nanCount() > 0, 0, 0);
  }

  /** A statistics bound in Calcite's units (dates in days, timestamps and times in ms). */
  private static Object toSql(Object bound, Field field) {
    if (bound instanceof Long l && field.getDictionary() == null) {
      Types.MinorType t = Types.getMinorTypeForArrowType(field.getType());
      return RawColumn.toSql(l, t);
    }
    if (bound instanceof Float f) {
      return (double) f;
    }
    return bound;
  }
}
