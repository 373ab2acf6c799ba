package dev.wafer.adapter.dataset;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Text of partition directory values: Hive's conventions, so DuckDB, Spark and pyarrow read the
 * same directories. Characters that are unsafe in a path are percent-escaped; null is {@link
 * #NULL_VALUE}.
 */
public final class PartitionValues {
  /** Hive's directory value for a null partition value. */
  public static final String NULL_VALUE = "__HIVE_DEFAULT_PARTITION__";

  private PartitionValues() {}

  public static String formatDate(long epochDay) {
    return LocalDate.ofEpochDay(epochDay).toString();
  }

  public static String formatMonth(long epochDay) {
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    return String.format("%04d-%02d", d.getYear(), d.getMonthValue());
  }

  /** Shortest text of a number: integers without a fraction. */
  public static String formatNumber(double v) {
    if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  /** Escapes a value for use as a directory name, as Hive does. */
  public static String escape(String value) {
    StringBuilder sb = null;
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (needsEscape(c)) {
        if (sb == null) {
          sb = new StringBuilder(value.substring(0, i));
        }
        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
          sb.append('%').append(String.format("%02X", b & 0xff));
        }
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? (value.isEmpty() ? NULL_VALUE : value) : sb.toString();
  }

  /** Reverses {@link #escape}; {@link #NULL_VALUE} becomes null. */
  public static String unescape(String text) {
    if (NULL_VALUE.equals(text)) {
      return null;
    }
    if (text.indexOf('%') < 0) {
      return text;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length() + 0 && isHex(text, i + 1)) {
        out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(String s, int at) {
    return at + 1 < s.length()
        && Character.digit(s.charAt(at), 16) >= 0
        && Character.digit(s.charAt(at + 1), 16) >= 0;
  }

  private static boolean needsEscape(char c) {
    return c < 0x20 || c == 0x7f || "\"#%'*/:=?\\{[]^".indexOf(c) >= 0;
  }
}
