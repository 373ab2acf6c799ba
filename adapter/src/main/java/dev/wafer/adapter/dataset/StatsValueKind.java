package dev.wafer.adapter.dataset;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** The canonical Java type a column's statistics use (see {@link ColumnStats}). */
public enum StatsValueKind {
  LONG,
  DOUBLE,
  STRING,
  BOOLEAN,
  DECIMAL,
  /** A type Wafer records no min/max for (only null counts). */
  NONE;

  /** The kind for a field; dictionary-encoded fields use their value type (strings). */
  public static StatsValueKind of(Field field) {
    if (field.getDictionary() != null) {
      return STRING;
    }
    return of(field.getType());
  }

  /** The kind for a plain (not dictionary-encoded) Arrow type. */
  public static StatsValueKind of(ArrowType type) {
    switch (type.getTypeID()) {
      case Int:
      case Date:
      case Timestamp:
      case Time:
        return LONG;
      case FloatingPoint:
        return DOUBLE;
      case Utf8:
      case LargeUtf8:
        return STRING;
      case Bool:
        return BOOLEAN;
      case Decimal:
        return DECIMAL;
      default:
        return NONE;
    }
  }
}
