package dev.wafer.adapter.predicate;

import dev.wafer.adapter.arrow.NullCounts;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.Types.MinorType;

/**
 * Reads a batch's fixed-width column by address into a primitive scratch array, once per batch,
 * and says how its stored unit relates to the value Calcite sees ({@code raw * mul} or {@code
 * floorDiv(raw, div)}), so comparisons run on raw values against converted bounds.
 */
final class RawColumn {
  private static final long DAY_MILLIS = 86_400_000L;

  private RawColumn() {}

  /** Whether the vector holds integer-valued data {@link #readLongs} reads. */
  static boolean isLong(MinorType t) {
    switch (t) {
      case TINYINT: case SMALLINT: case INT: case BIGINT: case DATEDAY: case DATEMILLI:
      case TIMESTAMPSEC: case TIMESTAMPMILLI: case TIMESTAMPMICRO: case TIMESTAMPNANO:
      case TIMESEC: case TIMEMILLI: case TIMEMICRO: case TIMENANO: case DECIMAL: case BIT:
        return true;
      default:
        return false;
    }
  }

  static boolean isDouble(MinorType t) {
    return t == MinorType.FLOAT4 || t == MinorType.FLOAT8;
  }

  /** SQL value = raw * mul. */
  static long mul(MinorType t) {
    return t == MinorType.TIMESTAMPSEC || t == MinorType.TIMESEC ? 1000 : 1;
  }

  /** SQL value = floorDiv(raw, div) (times of day are never negative, so floor = truncation). */
  static long div(MinorType t) {
    switch (t) {
      case DATEMILLI: return DAY_MILLIS;
      case TIMESTAMPMICRO: case TIMEMICRO: return 1000;
      case TIMESTAMPNANO: case TIMENANO: return 1_000_000;
      default: return 1;
    }
  }

  /** Converts a raw value to Calcite's value. */
  static long toSql(long raw, MinorType t) {
    long m = mul(t);
    long d = div(t);
    return m > 1 ? raw * m : d > 1 ? Math.floorDiv(raw, d) : raw;
  }

  /**
   * Reads rows {@code [0, rows)} as longs (DECIMAL: the unscaled value, valid up to precision 18;
   * BIT: 0 or 1). Values of null slots are unspecified.
   */
  static void readLongs(FieldVector v, long[] dst, int rows) {
    MinorType t = v.getMinorType();
    if (t == MinorType.BIT) {
      long a = v.getDataBufferAddress();
      for (int i = 0; i < rows; i++) {
        dst[i] = (MemoryUtil.getByte(a + (i >> 3)) >> (i & 7)) & 1;
      }
      return;
    }
    long a = v.getDataBufferAddress();
    switch (t) {
      case TINYINT:
        for (int i = 0; i < rows; i++) {
          dst[i] = MemoryUtil.getByte(a + i);
        }
        return;
      case SMALLINT:
        for (int i = 0; i < rows; i++) {
          dst[i] = MemoryUtil.getShort(a + 2L * i);
        }
        return;
      case INT: case DATEDAY: case TIMESEC: case TIMEMILLI:
        for (int i = 0; i < rows; i++) {
          dst[i] = MemoryUtil.getInt(a + 4L * i);
        }
        return;
      case DECIMAL:
        for (int i = 0; i < rows; i++) {
          dst[i] = MemoryUtil.getLong(a + 16L * i);
        }
        return;
      default:
        for (int i = 0; i < rows; i++) {
          dst[i] = MemoryUtil.getLong(a + 8L * i);
        }
    }
  }

  /** Reads rows {@code [0, rows)} of a FLOAT4 or FLOAT8 column as doubles (exact widening). */
  static void readDoubles(FieldVector v, double[] dst, int rows) {
    long a = v.getDataBufferAddress();
    if (v.getMinorType() == MinorType.FLOAT4) {
      for (int i = 0; i < rows; i++) {
        dst[i] = Float.intBitsToFloat(MemoryUtil.getInt(a + 4L * i));
      }
    } else {
      for (int i = 0; i < rows; i++) {
        dst[i] = Double.longBitsToDouble(MemoryUtil.getLong(a + 8L * i));
      }
    }
  }

  /** Marks NULL the rows whose validity bit is clear; nothing to do when the vector has no nulls. */
  static void applyNulls(FieldVector v, byte[] out, int rows) {
    if (NullCounts.of(v) == 0) {
      return;
    }
    long validity = v.getValidityBufferAddress();
    for (int i = 0; i < rows; i++) {
      if (((MemoryUtil.getByte(validity + (i >> 3)) >> (i & 7)) & 1) == 0) {
        out[i] = Tri.NULL;
      }
    }
  }
}
