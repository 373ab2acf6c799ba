package dev.wafer.rules;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small JDBC helpers for the rule tests. */
final class Queries {
  private Queries() {}

  /** The first column of every row, as longs, in result order. */
  static List<Long> longs(Connection c, String sql) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  /** Every row as text ({@code getString} per column), in result order. */
  static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          sb.append(rs.getString(i)).append('|');
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  /** The plan Calcite chose, as {@code EXPLAIN PLAN FOR} prints it. */
  static String plan(Connection c, String sql) throws SQLException {
    return String.join("\n", rows(c, "explain plan for " + sql));
  }
}
