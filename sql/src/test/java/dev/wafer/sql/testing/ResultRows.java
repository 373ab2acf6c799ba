package dev.wafer.sql.testing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A query result as a sorted list of rows of canonical values, for comparing two engines:
 * integers and decimals as {@link BigDecimal} (compared numerically), floating-point values as
 * {@link Double}, dates and timestamps parsed from their text (so time-zone handling of {@code
 * getObject} cannot differ), strings and booleans as they are.
 *
 * <p>Tolerance: two floating-point values are equal when they differ by at most {@value
 * #RELATIVE_TOLERANCE} relative to the larger magnitude (or 1e-9 absolute near zero): sums of
 * doubles in a different order differ in the last bits. Everything else must be exactly equal.
 */
public final class ResultRows {
  public static final double RELATIVE_TOLERANCE = 1e-9;

  private ResultRows() {}

  /** Reads every row of {@code rs} and sorts the rows. */
  public static List<List<Object>> read(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<List<Object>> rows = new ArrayList<>();
    while (rs.next()) {
      List<Object> row = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        row.add(canonical(rs, i, md.getColumnType(i)));
      }
      rows.add(row);
    }
    rows.sort(Comparator.comparing(ResultRows::sortKey));
    return rows;
  }

  private static Object canonical(ResultSet rs, int i, int type) throws SQLException {
    switch (type) {
      case Types.DATE:
      case Types.TIME:
      case Types.TIMESTAMP:
      case Types.TIMESTAMP_WITH_TIMEZONE:
        String s = rs.getString(i);
        return s == null ? null : temporal(s);
      default:
        break;
    }
    Object o = rs.getObject(i);
    if (o instanceof Float f) {
      return Double.parseDouble(f.toString());
    }
    if (o instanceof Double) {
      return o;
    }
    if (o instanceof Number num) {
      return new BigDecimal(num.toString());
    }
    return o;
  }

  private static Object temporal(String s) {
    String t = s.trim().replace(' ', 'T');
    if (t.length() == 10) {
      return LocalDate.parse(t);
    }
    if (t.indexOf('T') < 0) {
      return LocalTime.parse(t);
    }
    return LocalDateTime.parse(t);
  }

  private static String sortKey(List<Object> row) {
    StringBuilder sb = new StringBuilder();
    for (Object v : row) {
      if (v instanceof Double d) {
        sb.append(String.format(Locale.ROOT, "%.6g", d));
      } else if (v instanceof BigDecimal b) {
        sb.append(b.stripTrailingZeros().toPlainString());
      } else {
        sb.append(v);
      }
      sb.append('\u0001');
    }
    return sb.toString();
  }

  /** Null when equal, else a description of the first difference. */
  public static String difference(List<List<Object>> expected, List<List<Object>> actual) {
    if (expected.size() != actual.size()) {
      return "row count " + actual.size() + ", expected " + expected.size()
          + (actual.size() < 20 && expected.size() < 20 ? "\nactual: " + actual + "\nexpected: " + expected : "");
    }
    for (int r = 0; r < expected.size(); r++) {
      List<Object> e = expected.get(r);
      List<Object> a = actual.get(r);
      if (e.size() != a.size()) {
        return "row " + r + " has " + a.size() + " columns, expected " + e.size();
      }
      for (int c = 0; c < e.size(); c++) {
        if (!same(e.get(c), a.get(c))) {
          return "row " + r + " column " + (c + 1) + ": " + a.get(c) + " (" + type(a.get(c)) + "), expected "
              + e.get(c) + " (" + type(e.get(c)) + ")\nactual row: " + a + "\nexpected row: " + e;
        }
      }
    }
    return null;
  }

  private static String type(Object o) {
    return o == null ? "null" : o.getClass().getSimpleName();
  }

  /** Whether two canonical values are equal (floating point within the tolerance). */
  public static boolean same(Object e, Object a) {
    if (e == null || a == null) {
      return e == a;
    }
    if (e instanceof Double || a instanceof Double) {
      if (!(e instanceof Number) || !(a instanceof Number)) {
        return false;
      }
      double x = ((Number) e).doubleValue();
      double y = ((Number) a).doubleValue();
      if (Double.isNaN(x) || Double.isNaN(y)) {
        return Double.isNaN(x) && Double.isNaN(y);
      }
      double scale = Math.max(Math.abs(x), Math.abs(y));
      return Math.abs(x - y) <= Math.max(1e-9, RELATIVE_TOLERANCE * scale);
    }
    if (e instanceof BigDecimal x && a instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    return e.equals(a);
  }
}
