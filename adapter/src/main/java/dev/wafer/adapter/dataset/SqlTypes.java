package dev.wafer.adapter.dataset;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** Names of the SQL types of partition columns, and their Arrow equivalents. */
public final class SqlTypes {
  private SqlTypes() {}

  /** SQL type name of a column usable as an identity partition key. */
  public static String of(Field field) {
    if (field.getDictionary() != null) {
      return "VARCHAR";
    }
    ArrowType t = field.getType();
    switch (t.getTypeID()) {
      case Int:
        return ((ArrowType.Int) t).getBitWidth() > 32 ? "BIGINT" : "INTEGER";
      case Date:
        return "DATE";
      case Bool:
        return "BOOLEAN";
      default:
        return "VARCHAR";
    }
  }

  public static ArrowType arrowType(String sqlType) {
    switch (sqlType) {
      case "DATE":
        return new ArrowType.Date(DateUnit.DAY);
      case "INTEGER":
        return new ArrowType.Int(32, true);
      case "BIGINT":
        return new ArrowType.Int(64, true);
      case "BOOLEAN":
        return ArrowType.Bool.INSTANCE;
      default:
        return ArrowType.Utf8.INSTANCE;
    }
  }
}
