package dev.wafer.adapter.table;

import static java.util.Objects.requireNonNull;

/**
 * A column of a Wafer table as SQL sees it.
 *
 * @param name column name
 * @param kind physical kind (decides the SQL type and the Java value in rows)
 * @param precision DECIMAL precision or TIMESTAMP/TIME fractional digits; -1 when not applicable
 * @param scale DECIMAL scale; -1 when not applicable
 * @param partition whether the value comes from the hive directory rather than the file
 */
public record TableColumn(String name, ColumnKind kind, int precision, int scale, boolean partition) {
  public TableColumn {
    requireNonNull(name, "name");
    requireNonNull(kind, "kind");
  }

  /** Whether a file column of this type may be read as this table column. */
  public boolean sameSqlType(TableColumn other) {
    return kind == other.kind
        && (kind != ColumnKind.DECIMAL || (precision == other.precision && scale == other.scale));
  }

  /** SQL type text for messages, e.g. {@code DECIMAL(12,3)}. */
  public String sqlTypeText() {
    return kind == ColumnKind.DECIMAL ? "DECIMAL(" + precision + "," + scale + ")"
        : precision >= 0 ? kind.sqlType() + "(" + precision + ")" : kind.sqlType().getName();
  }
}
