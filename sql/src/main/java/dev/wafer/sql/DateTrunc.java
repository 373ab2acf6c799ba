package dev.wafer.sql;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * PostgreSQL's {@code DATE_TRUNC('unit', ts)}, which Superset, Metabase and Power BI emit for time
 * buckets and which Calcite 1.42 lacks (it has only BigQuery's {@code DATE_TRUNC(date, unit)}).
 * Units: microseconds, milliseconds, second, minute, hour, day, week (ISO: Monday), month,
 * quarter, year, decade, century, millennium. A NULL unit or timestamp gives NULL.
 *
 * <p>Calcite hands a UDF a {@link Timestamp} whose local fields are the SQL value's fields and
 * converts the result back the same way, so truncating the local fields is exact in every JVM time
 * zone.
 */
public final class DateTrunc {
  private DateTrunc() {}

  /** The timestamp truncated to the start of its {@code unit}. */
  public static Timestamp dateTrunc(String unit, Timestamp ts) {
    if (unit == null || ts == null) {
      return null;
    }
    LocalDateTime t = ts.toLocalDateTime();
    LocalDateTime r = switch (unit.trim().toLowerCase(Locale.ROOT)) {
      case "microsecond", "microseconds" -> t.truncatedTo(ChronoUnit.MICROS);
      case "millisecond", "milliseconds" -> t.truncatedTo(ChronoUnit.MILLIS);
      case "second" -> t.truncatedTo(ChronoUnit.SECONDS);
      case "minute" -> t.truncatedTo(ChronoUnit.MINUTES);
      case "hour" -> t.truncatedTo(ChronoUnit.HOURS);
      case "day" -> t.truncatedTo(ChronoUnit.DAYS);
      case "week" -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case "month" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
      case "quarter" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1)
          .withMonth((t.getMonthValue() - 1) / 3 * 3 + 1);
      case "year" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
      case "decade" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1).withYear(Math.floorDiv(t.getYear(), 10) * 10);
      case "century" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1)
          .withYear(Math.floorDiv(t.getYear() - 1, 100) * 100 + 1);
      case "millennium" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1)
          .withYear(Math.floorDiv(t.getYear() - 1, 1000) * 1000 + 1);
      default -> throw new IllegalArgumentException("DATE_TRUNC: unknown unit '" + unit + "'; valid: microseconds,"
          + " milliseconds, second, minute, hour, day, week, month, quarter, year, decade, century, millennium");
    };
    return Timestamp.valueOf(r);
  }
}
