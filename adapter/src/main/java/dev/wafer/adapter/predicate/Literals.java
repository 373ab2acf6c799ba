package dev.wafer.adapter.predicate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/** Prints pushed literals the way SQL writes them, so plans are readable. */
final class Literals {
  private Literals() {}

  static String format(ScanPredicate.Operand operand, Object literal) {
    if (operand instanceof ScanPredicate.Column c && literal instanceof Long l) {
      switch (c.kind()) {
        case DATE:
          return "DATE '" + LocalDate.ofEpochDay(l) + "'";
        case TIMESTAMP:
          return "TIMESTAMP '" + LocalDateTime.ofEpochSecond(Math.floorDiv(l, 1000L),
              (int) Math.floorMod(l, 1000L) * 1_000_000, ZoneOffset.UTC).toString().replace('T', ' ') + "'";
        case TIME:
          return "TIME '" + LocalTime.ofNanoOfDay(Math.floorMod(l, 86_400_000L) * 1_000_000L) + "'";
        default:
          return l.toString();
      }
    }
    if (literal instanceof String s) {
      return "'" + s.replace("'", "''") + "'";
    }
    return literal.toString();
  }
}
