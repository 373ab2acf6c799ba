package dev.wafer.adapter.ingest.csv;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The column types CSV ingest infers or is told, in widening order for inference: a column is
 * given the first type every one of its non-empty values parses as. Timestamps are ISO 8601
 * ({@code 2024-01-03T10:15:00}, a space instead of T, optional fraction; a zone offset is
 * converted to UTC); dates {@code 2024-01-03}; booleans true/false.
 */
public enum CsvType {
  INTEGER(new ArrowType.Int(32, true)),
  BIGINT(new ArrowType.Int(64, true)),
  DOUBLE(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
  BOOLEAN(ArrowType.Bool.INSTANCE),
  DATE(new ArrowType.Date(DateUnit.DAY)),
  TIMESTAMP(new ArrowType.Timestamp(TimeUnit.MILLISECOND, null)),
  VARCHAR(ArrowType.Utf8.INSTANCE);

  final ArrowType arrow;

  CsvType(ArrowType arrow) {
    this.arrow = arrow;
  }

  public ArrowType arrow() {
    return arrow;
  }

  public static CsvType parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    switch (t) {
      case "INT": return INTEGER;
      case "LONG": return BIGINT;
      case "FLOAT": case "REAL": return DOUBLE;
      case "BOOL": return BOOLEAN;
      case "STRING": case "TEXT": return VARCHAR;
      default:
        for (CsvType c : values()) {
          if (c.name().equals(t)) {
            return c;
          }
        }
        throw new IllegalArgumentException("unknown column type '" + text
            + "'; valid: INTEGER, BIGINT, DOUBLE, BOOLEAN, DATE, TIMESTAMP, VARCHAR");
    }
  }

  /** The type of an Arrow column, or null when CSV ingest has none for it. */
  public static CsvType of(ArrowType type) {
    for (CsvType c : values()) {
      if (c.arrow.equals(type)) {
        return c;
      }
    }
    return null;
  }

  /** The first (narrowest) type a non-empty value parses as. */
  public static CsvType infer(String value) {
    for (CsvType t : values()) {
      if (t.accepts(value)) {
        return t;
      }
    }
    return VARCHAR;
  }

  /** The narrowest type both a and b fit. */
  public static CsvType widen(CsvType a, CsvType b) {
    if (a == b) {
      return a;
    }
    boolean numeric = a.ordinal() <= DOUBLE.ordinal() && b.ordinal() <= DOUBLE.ordinal();
    boolean temporal = (a == DATE || a == TIMESTAMP) && (b == DATE || b == TIMESTAMP);
    return numeric || temporal ? (a.ordinal() > b.ordinal() ? a : b) : VARCHAR;
  }

  /** Whether a non-empty value parses as this type. */
  boolean accepts(String v) {
    try {
      switch (this) {
        case INTEGER: return isInteger(v) && fits(v, Integer.MIN_VALUE, Integer.MAX_VALUE);
        case BIGINT: return isInteger(v) && fits(v, Long.MIN_VALUE, Long.MAX_VALUE);
        case DOUBLE: return isDouble(v.trim());
        case BOOLEAN: return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
        case DATE: return v.length() == 10 && LocalDate.parse(v) != null;
        case TIMESTAMP: return v.length() >= 16 && Character.isDigit(v.charAt(0)) && millis(v) != Long.MIN_VALUE;
        default: return true;
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      return false;
    }
  }

  private static boolean isDouble(String t) {
    if (t.equals("NaN") || t.equals("Infinity") || t.equals("-Infinity")) {
      return true;
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
        return false; // keeps out what parseDouble also takes: hex, "d"/"f" suffixes
      }
    }
    Double.parseDouble(t);
    return !t.isEmpty();
  }

  private static boolean isInteger(String v) {
    String t = v.trim();
    int i = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
    if (i >= t.length() || t.length() - i > 19) {
      return false;
    }
    for (; i < t.length(); i++) {
      if (t.charAt(i) < '0' || t.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean fits(String v, long min, long max) {
    long x = Long.parseLong(v.trim());
    return x >= min && x <= max;
  }

  /** Milliseconds since 1970 of an ISO timestamp (zone-less, or converted to UTC). */
  public static long millis(String v) {
    String t = v.trim().replace(' ', 'T');
    if (t.length() == 10) {
      return LocalDate.parse(t).toEpochDay() * 86_400_000L;
    }
    char last = t.charAt(t.length() - 1);
    boolean zoned = last == 'Z' || t.lastIndexOf('+') > 10 || t.lastIndexOf('-') > 10;
    LocalDateTime ldt = zoned
        ? OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
        : LocalDateTime.parse(t);
    return ldt.toInstant(ZoneOffset.UTC).toEpochMilli();
  }
}
