package dev.wafer.adapter.ingest;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Writes one nullable value into a vector, growing it as needed, with the ingest readers'
 * conventions for "no value": null references, NaN doubles, {@link #NULL_INT}, negative
 * times. Static and monomorphic, so the JIT inlines them into the row loops.
 */
public final class Cells {
  public static final int NULL_INT = Integer.MIN_VALUE;
  private static final long SECONDS_PER_DAY = 86_400;

  private Cells() {}

  public static void string(VarCharVector v, int row, String s) {
    if (s == null) {
      v.setNull(row);
    } else {
      v.setSafe(row, s.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** UTF-8 bytes, or NULL when {@code utf8} is null. */
  public static void bytes(VarCharVector v, int row, byte[] utf8) {
    if (utf8 == null) {
      v.setNull(row);
    } else {
      v.setSafe(row, utf8);
    }
  }

  public static void integer(IntVector v, int row, int value) {
    if (value == NULL_INT) {
      v.setNull(row);
    } else {
      v.setSafe(row, value);
    }
  }

  public static void integer(IntVector v, int row, Integer value) {
    integer(v, row, value == null ? NULL_INT : value.intValue());
  }

  public static void real(Float8Vector v, int row, double value) {
    if (Double.isNaN(value)) {
      v.setNull(row);
    } else {
      v.setSafe(row, value);
    }
  }

  public static void real(Float8Vector v, int row, Double value) {
    real(v, row, value == null ? Double.NaN : value.doubleValue());
  }

  public static void bool(BitVector v, int row, Boolean value) {
    if (value == null) {
      v.setNull(row);
    } else {
      v.setSafe(row, value ? 1 : 0);
    }
  }

  /** A TIMESTAMP (milliseconds, no zone) from seconds since 1970; NULL when negative. */
  public static void seconds(TimeStampMilliVector v, int row, long seconds) {
    if (seconds < 0) {
      v.setNull(row);
    } else {
      v.setSafe(row, seconds * 1000);
    }
  }

  /** The DATE of a time in seconds since 1970; NULL when negative. */
  public static void dateOfSeconds(DateDayVector v, int row, long seconds) {
    if (seconds < 0) {
      v.setNull(row);
    } else {
      v.setSafe(row, (int) (seconds / SECONDS_PER_DAY));
    }
  }
}
