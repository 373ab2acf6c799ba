package dev.wafer.adapter.table;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The physical column types Wafer reads, each with its SQL type and the Java value Calcite's
 * enumerable runtime expects for it (see {@link #javaValue}).
 *
 * <p>Mapping (Arrow to SQL): dictionary or Utf8/LargeUtf8 to VARCHAR; Int8..Int64 to
 * TINYINT..BIGINT; Float32/64 to REAL/DOUBLE; Bool to BOOLEAN; Date32/Date64 to DATE; Timestamp
 * without time zone to TIMESTAMP(0/3/6/9) with no time-zone shift; Time32/Time64 to TIME;
 * Decimal128 to DECIMAL(p,s). Every other Arrow type (unsigned integers, half floats, zoned
 * timestamps, binary, nested, view and interval types, dictionaries of non-strings) is
 * <b>skipped</b>: the column is left out of the table and a warning is logged once per table.
 */
public enum ColumnKind {
  TINYINT(SqlTypeName.TINYINT, "Byte"),
  SMALLINT(SqlTypeName.SMALLINT, "Short"),
  INTEGER(SqlTypeName.INTEGER, "Integer"),
  BIGINT(SqlTypeName.BIGINT, "Long"),
  REAL(SqlTypeName.REAL, "Float"),
  DOUBLE(SqlTypeName.DOUBLE, "Double"),
  BOOLEAN(SqlTypeName.BOOLEAN, "Boolean"),
  /** Date32 (days) or Date64 (milliseconds); Calcite holds epoch days as Integer. */
  DATE(SqlTypeName.DATE, "Integer epoch days"),
  /** Timestamp without zone; Calcite holds epoch milliseconds (local wall clock) as Long. */
  TIMESTAMP(SqlTypeName.TIMESTAMP, "Long epoch millis"),
  /** Time of day; Calcite holds milliseconds of the day as Integer. */
  TIME(SqlTypeName.TIME, "Integer millis of day"),
  DECIMAL(SqlTypeName.DECIMAL, "BigDecimal"),
  /** Utf8, LargeUtf8, or a dictionary-encoded string column. */
  VARCHAR(SqlTypeName.VARCHAR, "String");

  private final SqlTypeName sqlType;
  private final String javaValue;

  ColumnKind(SqlTypeName sqlType, String javaValue) {
    this.sqlType = sqlType;
    this.javaValue = javaValue;
  }

  public SqlTypeName sqlType() {
    return sqlType;
  }

  /** The Java representation of values of this kind in rows handed to Calcite. */
  public String javaValue() {
    return javaValue;
  }

  /**
   * The kind of a field of a file schema (IPC message format: a dictionary-encoded field has its
   * value type), or null when Wafer does not read that type.
   */
  public static ColumnKind of(Field field) {
    if (field.getDictionary() != null) {
      ArrowType.ArrowTypeID id = field.getType().getTypeID();
      return id == ArrowType.ArrowTypeID.Utf8 || id == ArrowType.ArrowTypeID.LargeUtf8 ? VARCHAR : null;
    }
    return of(field.getType());
  }

  /** The kind of a plain Arrow type, or null when Wafer does not read it. */
  public static ColumnKind of(ArrowType type) {
    switch (type.getTypeID()) {
      case Int: {
        ArrowType.Int t = (ArrowType.Int) type;
        if (!t.getIsSigned()) {
          return null;
        }
        switch (t.getBitWidth()) {
          case 8: return TINYINT;
          case 16: return SMALLINT;
          case 32: return INTEGER;
          case 64: return BIGINT;
          default: return null;
        }
      }
      case FloatingPoint: {
        FloatingPointPrecision p = ((ArrowType.FloatingPoint) type).getPrecision();
        return p == FloatingPointPrecision.SINGLE ? REAL : p == FloatingPointPrecision.DOUBLE ? DOUBLE : null;
      }
      case Bool:
        return BOOLEAN;
      case Date:
        return DATE;
      case Timestamp:
        return ((ArrowType.Timestamp) type).getTimezone() == null ? TIMESTAMP : null;
      case Time:
        return TIME;
      case Decimal:
        return ((ArrowType.Decimal) type).getBitWidth() == 128 ? DECIMAL : null;
      case Utf8:
      case LargeUtf8:
        return VARCHAR;
      default:
        return null;
    }
  }

  /** Fractional-second digits of a timestamp or time type (0, 3, 6 or 9). */
  public static int timePrecision(ArrowType type) {
    TimeUnit unit = type instanceof ArrowType.Timestamp ts ? ts.getUnit()
        : type instanceof ArrowType.Time t ? t.getUnit() : TimeUnit.MILLISECOND;
    switch (unit) {
      case SECOND: return 0;
      case MILLISECOND: return 3;
      case MICROSECOND: return 6;
      default: return 9;
    }
  }

  /** Whether a Date type counts milliseconds rather than days. */
  public static boolean isDateMillis(ArrowType type) {
    return type instanceof ArrowType.Date d && d.getUnit() == DateUnit.MILLISECOND;
  }
}
