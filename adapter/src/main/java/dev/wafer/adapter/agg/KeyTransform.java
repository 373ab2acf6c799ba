package dev.wafer.adapter.agg;

/**
 * How a time column becomes a group key: as it is, floored to a unit ({@code FLOOR(ts TO DAY)}),
 * cast to a date, or one field extracted. Values are in Calcite's representation: TIMESTAMP as
 * epoch milliseconds, DATE as epoch days. Calendar fields use the proleptic Gregorian calendar
 * without time zones, as Calcite and DuckDB do for zone-less timestamps; the arithmetic is done
 * on primitives (civil-from-days), so bucketing a row allocates nothing.
 */
public enum KeyTransform {
  NONE,
  FLOOR_YEAR,
  FLOOR_MONTH,
  FLOOR_DAY,
  FLOOR_HOUR,
  FLOOR_MINUTE,
  FLOOR_SECOND,
  /** CAST(ts AS DATE): epoch days. */
  CAST_DATE,
  EXTRACT_YEAR,
  EXTRACT_QUARTER,
  EXTRACT_MONTH,
  EXTRACT_DAY,
  EXTRACT_HOUR,
  EXTRACT_MINUTE,
  EXTRACT_SECOND;

  private static final long DAY = 86_400_000L;

  /**
   * Applies the transform to one value.
   *
   * @param v epoch milliseconds (timestamp) or epoch days (date)
   * @param date whether {@code v} is a DATE (days) rather than a TIMESTAMP (milliseconds)
   * @return the key: epoch milliseconds for FLOOR of a timestamp, epoch days for FLOOR of a date
   *     and for CAST_DATE, the field value for EXTRACT
   */
  public long apply(long v, boolean date) {
    long days = date ? v : Math.floorDiv(v, DAY);
    long millisOfDay = date ? 0 : Math.floorMod(v, DAY);
    switch (this) {
      case NONE: return v;
      case FLOOR_YEAR: return fromDays(daysFromCivil(year(days), 1, 1), date);
      case FLOOR_MONTH: return fromDays(daysFromCivil(year(days), month(days), 1), date);
      case FLOOR_DAY: return date ? v : days * DAY;
      case FLOOR_HOUR: return date ? v : v - Math.floorMod(v, 3_600_000L);
      case FLOOR_MINUTE: return date ? v : v - Math.floorMod(v, 60_000L);
      case FLOOR_SECOND: return date ? v : v - Math.floorMod(v, 1_000L);
      case CAST_DATE: return days;
      case EXTRACT_YEAR: return year(days);
      case EXTRACT_QUARTER: return (month(days) + 2) / 3;
      case EXTRACT_MONTH: return month(days);
      case EXTRACT_DAY: return dayOfMonth(days);
      case EXTRACT_HOUR: return millisOfDay / 3_600_000L;
      case EXTRACT_MINUTE: return millisOfDay / 60_000L % 60;
      case EXTRACT_SECOND: return millisOfDay / 1_000L % 60;
      default: throw new AssertionError(this);
    }
  }

  /**
   * Whether the transform never decreases (a ≤ b implies f(a) ≤ f(b)): then values between two of
   * the same bucket are in it too. Not NONE, which needs no bucketing.
   */
  public boolean monotonic() {
    return this != NONE && (name().startsWith("FLOOR") || this == CAST_DATE || this == EXTRACT_YEAR);
  }

  /** Whether the key keeps the input's time type (FLOOR, NONE) rather than becoming DATE or a number. */
  public boolean keepsType() {
    return name().startsWith("FLOOR") || this == NONE;
  }

  private static long fromDays(long days, boolean date) {
    return date ? days : days * DAY;
  }

  // Civil-from-days and days-from-civil (H. Hinnant's algorithms) on epoch days; civil() packs
  // year, month and day into one long (year * 512 + month * 32 + day) so nothing is allocated.
  private static long civil(long days) {
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return y * 512 + m * 32 + d;
  }

  private static long year(long days) {
    return Math.floorDiv(civil(days), 512);
  }

  private static long month(long days) {
    return Math.floorMod(civil(days), 512) / 32;
  }

  private static long dayOfMonth(long days) {
    return Math.floorMod(civil(days), 32);
  }

  static long daysFromCivil(long y, long m, long d) {
    y -= m <= 2 ? 1 : 0;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }
}
