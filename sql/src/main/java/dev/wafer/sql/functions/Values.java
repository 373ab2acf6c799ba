package dev.wafer.sql.functions;

/**
 * Converts a function's result object to the Java type of its declared SQL return type, for
 * generated code. Functions may return any {@link Number} for a numeric type (an Integer for
 * BIGINT, say); Calcite's generated code casts, so the conversion must happen here.
 */
public final class Values {
  private Values() {}

  public static Double asDouble(Object v) {
    if (v == null || v instanceof Double) {
      return (Double) v;
    }
    return ((Number) v).doubleValue();
  }

  public static Long asLong(Object v) {
    if (v == null || v instanceof Long) {
      return (Long) v;
    }
    return ((Number) v).longValue();
  }

  public static Boolean asBoolean(Object v) {
    return (Boolean) v;
  }

  public static String asString(Object v) {
    return v == null ? null : v.toString();
  }
}
