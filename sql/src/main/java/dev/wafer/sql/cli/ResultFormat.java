package dev.wafer.sql.cli;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a result set as an aligned text table, as CSV (a header line, then RFC 4180 rows: CRLF
 * line ends, fields with comma, quote or line break quoted, quotes doubled, NULL as an empty
 * field), or as JSON (an array of objects; numbers and booleans unquoted, NULL as null).
 */
enum ResultFormat {
  TABLE, CSV, JSON;

  /** Prints all rows; returns the row count. */
  long print(ResultSet rs, PrintWriter out) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    String[] names = new String[n];
    boolean[] unquoted = new boolean[n];
    for (int i = 0; i < n; i++) {
      names[i] = md.getColumnLabel(i + 1);
      unquoted[i] = isNumberOrBoolean(md.getColumnType(i + 1));
    }
    switch (this) {
      case CSV:
        return csv(rs, names, out);
      case JSON:
        return json(rs, names, unquoted, out);
      default:
        return table(rs, names, unquoted, out);
    }
  }

  private static long csv(ResultSet rs, String[] names, PrintWriter out) throws SQLException {
    csvLine(names, out);
    long rows = 0;
    String[] values = new String[names.length];
    while (rs.next()) {
      for (int i = 0; i < names.length; i++) {
        values[i] = rs.getString(i + 1);
      }
      csvLine(values, out);
      rows++;
    }
    out.flush();
    return rows;
  }

  private static void csvLine(String[] values, PrintWriter out) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      String v = values[i];
      if (v == null) {
        continue;
      }
      if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
        sb.append('"').append(v.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(v);
      }
    }
    out.print(sb.append("\r\n"));
  }

  private static long json(ResultSet rs, String[] names, boolean[] unquoted, PrintWriter out) throws SQLException {
    out.print('[');
    long rows = 0;
    while (rs.next()) {
      out.print(rows == 0 ? "\n  {" : ",\n  {");
      for (int i = 0; i < names.length; i++) {
        if (i > 0) {
          out.print(", ");
        }
        out.print(jsonString(names[i]));
        out.print(": ");
        String v = rs.getString(i + 1);
        boolean plain = v != null && unquoted[i] && !v.equals("NaN") && !v.contains("Infinity");
        out.print(v == null ? "null" : plain ? v : jsonString(v));
      }
      out.print('}');
      rows++;
    }
    out.println(rows == 0 ? "]" : "\n]");
    out.flush();
    return rows;
  }

  static String jsonString(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        default:
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.append('"').toString();
  }

  private static long table(ResultSet rs, String[] names, boolean[] rightAlign, PrintWriter out) throws SQLException {
    List<String[]> rows = new ArrayList<>();
    int[] width = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      width[i] = names[i].length();
    }
    while (rs.next()) {
      String[] r = new String[names.length];
      for (int i = 0; i < names.length; i++) {
        String v = rs.getString(i + 1);
        r[i] = v == null ? "NULL" : v;
        width[i] = Math.max(width[i], r[i].length());
      }
      rows.add(r);
    }
    out.println(line(names, width, new boolean[names.length]));
    StringBuilder sep = new StringBuilder();
    for (int i = 0; i < names.length; i++) {
      sep.append(i > 0 ? "-+-" : "").append("-".repeat(width[i]));
    }
    out.println(sep);
    for (String[] r : rows) {
      out.println(line(r, width, rightAlign));
    }
    out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    out.flush();
    return rows.size();
  }

  private static String line(String[] values, int[] width, boolean[] right) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(" | ");
      }
      String pad = " ".repeat(width[i] - values[i].length());
      sb.append(right[i] ? pad + values[i] : values[i] + (i == values.length - 1 ? "" : pad));
    }
    return sb.toString();
  }

  private static boolean isNumberOrBoolean(int type) {
    switch (type) {
      case Types.TINYINT: case Types.SMALLINT: case Types.INTEGER: case Types.BIGINT:
      case Types.REAL: case Types.FLOAT: case Types.DOUBLE: case Types.DECIMAL: case Types.NUMERIC:
      case Types.BOOLEAN:
        return true;
      default:
        return false;
    }
  }
}
