package dev.wafer.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What an engine answered, in a form two engines can be compared by: rows sorted by a rounded
 * key and compared value by value with a relative tolerance (floating-point sums legitimately
 * differ in the last bits between engines and thread counts), or, for streamed results, the row
 * count and order-independent checksums.
 */
public final class ResultDigest {
  static final double RELATIVE_TOLERANCE = 1e-9;
  private static final MathContext KEY_PRECISION = new MathContext(6);

  private final List<List<Object>> rows;
  private final long count;
  private final double numericChecksum;
  private final long textChecksum;

  private ResultDigest(List<List<Object>> rows, long count, double numericChecksum, long textChecksum) {
    this.rows = rows;
    this.count = count;
    this.numericChecksum = numericChecksum;
    this.textChecksum = textChecksum;
  }

  /** Runs {@code query} and digests its result. */
  public static ResultDigest of(Statement statement, BenchQuery query) throws SQLException {
    try (ResultSet rs = statement.executeQuery(query.sql())) {
      ResultSetMetaData md = rs.getMetaData();
      int n = md.getColumnCount();
      List<List<Object>> rows = new ArrayList<>();
      long count = 0;
      double numeric = 0;
      long text = 0;
      while (rs.next()) {
        count++;
        List<Object> row = new ArrayList<>(n);
        for (int c = 1; c <= n; c++) {
          Object v = normalize(rs.getObject(c));
          if (query.streamed()) {
            if (v instanceof Double d) {
              numeric += d;
            } else if (v != null) {
              text += v.toString().hashCode();
            }
          } else {
            row.add(v);
          }
        }
        if (!query.streamed()) {
          rows.add(row);
        }
      }
      rows.sort(Comparator.comparing(ResultDigest::sortKey));
      return new ResultDigest(rows, count, numeric, text);
    }
  }

  /** Drains a result without digesting, for timed runs: what a client would do. */
  public static long drain(Statement statement, String sql) throws SQLException {
    long rows = 0;
    try (ResultSet rs = statement.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int c = 1; c <= n; c++) {
          rs.getObject(c);
        }
        rows++;
      }
    }
    return rows;
  }

  private static Object normalize(Object v) {
    if (v instanceof Number num) {
      return num.doubleValue();
    }
    if (v instanceof Boolean || v == null) {
      return v;
    }
    return v.toString();
  }

  private static String sortKey(List<Object> row) {
    StringBuilder sb = new StringBuilder();
    for (Object v : row) {
      if (v instanceof Double d) {
        sb.append(Double.isFinite(d) ? new BigDecimal(d).round(KEY_PRECISION).toString() : d.toString());
      } else {
        sb.append(v);
      }
      sb.append('\u0001');
    }
    return sb.toString();
  }

  /** Null when equal; otherwise the first difference, for the report. */
  public String differenceFrom(ResultDigest other) {
    if (count != other.count) {
      return "row count " + count + " vs " + other.count;
    }
    if (textChecksum != other.textChecksum) {
      return "text checksum differs";
    }
    if (!close(numericChecksum, other.numericChecksum)) {
      return "numeric checksum " + numericChecksum + " vs " + other.numericChecksum;
    }
    for (int r = 0; r < rows.size(); r++) {
      List<Object> a = rows.get(r);
      List<Object> b = other.rows.get(r);
      for (int c = 0; c < a.size(); c++) {
        Object x = a.get(c);
        Object y = b.get(c);
        boolean same = x instanceof Double dx && y instanceof Double dy ? close(dx, dy)
            : java.util.Objects.equals(x, y);
        if (!same) {
          return "row " + r + " column " + (c + 1) + ": " + x + " vs " + y;
        }
      }
    }
    return null;
  }

  private static boolean close(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.isNaN(a) && Double.isNaN(b);
    }
    return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
  }

  public long count() {
    return count;
  }
}
