package dev.wafer.adapter.table;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Types of hive partition values: inference over all directory values of a key (DATE when every
 * value is {@code yyyy-MM-dd}, INTEGER/BIGINT when every value is an integer, else VARCHAR) and
 * conversion of a directory value to the Java value Calcite expects for the column.
 */
public final class PartitionTypes {
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,19}");

  private PartitionTypes() {}

  /** Infers the kind of a partition key from its non-null directory values. */
  public static ColumnKind infer(Collection<String> values) {
    boolean date = true;
    boolean integer = true;
    boolean fitsInt = true;
    int seen = 0;
    for (String v : values) {
      if (v == null) {
        continue;
      }
      seen++;
      date &= isDate(v);
      if (integer) {
        Long l = parseLong(v);
        integer = l != null;
        fitsInt &= l != null && l == (int) (long) l;
      }
    }
    if (seen == 0) {
      return ColumnKind.VARCHAR;
    }
    if (date) {
      return ColumnKind.DATE;
    }
    if (integer) {
      return fitsInt ? ColumnKind.INTEGER : ColumnKind.BIGINT;
    }
    return ColumnKind.VARCHAR;
  }

  /** The kind for a partition column type named in table metadata. */
  public static ColumnKind ofSqlType(String sqlType) {
    switch (sqlType.toUpperCase(java.util.Locale.ROOT)) {
      case "DATE": return ColumnKind.DATE;
      case "INTEGER": case "INT": return ColumnKind.INTEGER;
      case "BIGINT": return ColumnKind.BIGINT;
      case "BOOLEAN": return ColumnKind.BOOLEAN;
      case "VARCHAR": return ColumnKind.VARCHAR;
      default: throw new IllegalArgumentException("unsupported partition column type " + sqlType);
    }
  }

  /**
   * Converts a directory value (null for Hive's default partition) to the row value of a
   * partition column of the given kind.
   *
   * @throws IllegalArgumentException when the value does not have that type
   */
  public static Object convert(String value, ColumnKind kind) {
    if (value == null) {
      return null;
    }
    switch (kind) {
      case DATE: {
        Integer day = epochDay(value);
        if (day == null) {
          throw new IllegalArgumentException("'" + value + "' is not a date (yyyy-MM-dd)");
        }
        return day;
      }
      case INTEGER:
        return Math.toIntExact(requireLong(value));
      case BIGINT:
        return requireLong(value);
      case BOOLEAN:
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
          throw new IllegalArgumentException("'" + value + "' is not a boolean");
        }
        return Boolean.parseBoolean(value);
      case VARCHAR:
        return value;
      default:
        throw new IllegalArgumentException("unsupported partition column kind " + kind);
    }
  }

  private static long requireLong(String value) {
    Long l = parseLong(value);
    if (l == null) {
      throw new IllegalArgumentException("'" + value + "' is not an integer");
    }
    return l;
  }

  private static boolean isDate(String v) {
    return epochDay(v) != null;
  }

  /**
   * The epoch day of a {@code yyyy-MM-dd} calendar date, or null when {@code v} is not one. Read
   * by hand: planning converts the directory value of every file of a table, several times per
   * statement, and a regular expression plus {@code LocalDate.parse} cost a microsecond each.
   */
  static Integer epochDay(String v) {
    if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') {
      return null;
    }
    int y = digits(v, 0, 4);
    int m = digits(v, 5, 7);
    int d = digits(v, 8, 10);
    if (y < 0 || m < 0 || d < 0) {
      return null;
    }
    try {
      return (int) LocalDate.of(y, m, d).toEpochDay();
    } catch (DateTimeException e) {
      return null; // no such day: month 13, February 30
    }
  }

  /** The ASCII digits {@code v[from, to)} as a number, or -1 when one is not a digit. */
  private static int digits(String v, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  private static Long parseLong(String v) {
    if (!INTEGER.matcher(v).matches()) {
      return null;
    }
    try {
      return Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
