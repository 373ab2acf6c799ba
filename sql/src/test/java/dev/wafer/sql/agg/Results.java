package dev.wafer.sql.agg;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Query results normalized for comparison across engines: integers as Long, floating point as
 * Double (compared to 1e-12 relative), dates and timestamps as ISO text, rows sorted unless the
 * query orders them itself.
 */
final class Results {
  static final double RELATIVE = 1e-12;

  private Results() {}

  /** The normalized rows and JDBC column types of a query. */
  record Table(List<List<Object>> rows, List<Integer> types) {}

  static Table query(Connection c, String sql, boolean ordered) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<Integer> types = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        types.add(md.getColumnType(i));
      }
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.add(normalize(rs.getObject(i)));
        }
        rows.add(row);
      }
      if (!ordered) {
        rows.sort(Comparator.comparing(Results::sortKey));
      }
      return new Table(rows, types);
    }
  }

  static Object normalize(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Double || v instanceof Float) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof BigDecimal d) {
      return d.stripTrailingZeros().scale() <= 0 ? (Object) d.longValueExact() : (Object) d.doubleValue();
    }
    if (v instanceof Number n && !(v instanceof BigInteger)) {
      return n.longValue();
    }
    if (v instanceof BigInteger b) {
      return b.longValueExact();
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime().toString();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (v instanceof java.time.temporal.Temporal t) {
      return t.toString();
    }
    return v;
  }

  private static String sortKey(List<Object> row) {
    StringBuilder sb = new StringBuilder();
    for (Object v : row) {
      sb.append(v instanceof Double d ? String.format(Locale.ROOT, "%.8e", d) : String.valueOf(v)).append('|');
    }
    return sb.toString();
  }

  static void assertSame(String what, List<List<Object>> actual, List<List<Object>> expected) {
    assertThat(actual.size()).as(what + ": row count").isEqualTo(expected.size());
    for (int r = 0; r < expected.size(); r++) {
      List<Object> a = actual.get(r);
      List<Object> e = expected.get(r);
      assertThat(a.size()).as(what + ": columns").isEqualTo(e.size());
      for (int c = 0; c < e.size(); c++) {
        Object x = a.get(c);
        Object y = e.get(c);
        String at = what + ": row " + r + " column " + (c + 1) + " " + a + " vs " + e;
        if (x instanceof Double dx && y instanceof Double dy) {
          double tol = RELATIVE * Math.max(Math.abs(dx), Math.abs(dy));
          assertThat(Math.abs(dx - dy)).as(at).isLessThanOrEqualTo(tol);
        } else if (x instanceof Double || y instanceof Double) {
          assertThat(x == null || y == null ? x == y : ((Number) x).doubleValue() == ((Number) y).doubleValue()).as(at).isTrue();
        } else {
          assertThat(x).as(at).isEqualTo(y);
        }
      }
    }
  }
}
