package dev.wafer.adapter.exec;

import dev.wafer.adapter.arrow.NullCounts;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Copies one column of a batch into the values handed to Calcite, converting to the Java value each
 * SQL type has in Calcite's enumerable runtime (DATE: Integer epoch days; TIMESTAMP: Long epoch
 * milliseconds of the wall clock, finer units floored; TIME: Integer milliseconds of the day).
 *
 * <p>One type dispatch per column and batch; the loops read the validated buffers by address (the
 * loader checked each buffer holds the batch's length), so there is no per-row virtual call.
 */
final class ColumnCopier {
  private static final long DAY_MILLIS = 86_400_000L;

  private ColumnCopier() {}

  /** Copies a dictionary-encoded column, checking every index against the dictionary. */
  static void copyDictionary(FieldVector indices, String[] dictionary, int[] positions, int from, Object[] out) {
    int n = out.length;
    long validity = indices.getValidityBufferAddress();
    boolean nulls = NullCounts.of(indices) > 0;
    if (indices instanceof IntVector) {
      long data = indices.getDataBufferAddress();
      for (int i = 0; i < n; i++) {
        if (nulls && isNull(validity, at(positions, from, i))) {
          continue;
        }
        int index = MemoryUtil.getInt(data + 4L * at(positions, from, i));
        if (index < 0 || index >= dictionary.length) {
          throw badIndex(indices, index, dictionary.length);
        }
        out[i] = dictionary[index];
      }
      return;
    }
    BaseIntVector any = (BaseIntVector) indices;
    for (int i = 0; i < n; i++) {
      if (nulls && isNull(validity, at(positions, from, i))) {
        continue;
      }
      long index = any.getValueAsLong(at(positions, from, i));
      if (index < 0 || index >= dictionary.length) {
        throw badIndex(indices, index, dictionary.length);
      }
      out[i] = dictionary[(int) index];
    }
  }

  private static IllegalStateException badIndex(FieldVector v, long index, int size) {
    return new IllegalStateException("column '" + v.getName() + "': dictionary index " + index
        + " outside dictionary of " + size + " values");
  }

  /**
   * Copies the values at batch rows {@code positions[from .. from + out.length)} (or {@code [from,
   * from + out.length)} when {@code positions} is null: every row) of a plain column into {@code out}.
   */
  static void copy(FieldVector v, int[] positions, int from, Object[] out) {
    int n = out.length;
    long validity = v.getValidityBufferAddress();
    boolean nulls = NullCounts.of(v) > 0;
    switch (v.getMinorType()) {
      case TINYINT: {
        long a = v.getDataBufferAddress();
        for (int i = 0; i < n; i++) {
          out[i] = nulls && isNull(validity, at(positions, from, i)) ? null : Byte.valueOf(MemoryUtil.getByte(a + at(positions, from, i)));
        }
        return;
      }
      case SMALLINT: {
        long a = v.getDataBufferAddress();
        for (int i = 0; i < n; i++) {
          out[i] = nulls && isNull(validity, at(positions, from, i)) ? null : Short.valueOf(MemoryUtil.getShort(a + 2L * at(positions, from, i)));
        }
        return;
      }
      case INT:
      case DATEDAY:
      case TIMEMILLI: {
        long a = v.getDataBufferAddress();
        for (int i = 0; i < n; i++) {
          out[i] = nulls && isNull(validity, at(positions, from, i)) ? null : Integer.valueOf(MemoryUtil.getInt(a + 4L * at(positions, from, i)));
        }
        return;
      }
      case TIMESEC: {
        long a = v.getDataBufferAddress();
        for (int i = 0; i < n; i++) {
          out[i] = nulls && isNull(validity, at(positions, from, i)) ? null : Integer.valueOf(MemoryUtil.getInt(a + 4L * at(positions, from, i)) * 1000);
        }
        return;
      }
      case BIGINT:
      case TIMESTAMPMILLI:
        copyLongs(v, positions, from, out, 1, 1);
        return;
      case TIMESTAMPSEC:
        copyLongs(v, positions, from, out, 1000, 1);
        return;
      case TIMESTAMPMICRO:
        copyLongs(v, positions, from, out, 1, 1000);
        return;
      case TIMESTAMPNANO:
        copyLongs(v, positions, from, out, 1, 1_000_000);
        return;
      case DATEMILLI: {
        long a = v.getDataBufferAddress();
        for (int i = 0; i < n; i++) {
          out[i] = nulls && isNull(validity, at(positions, from, i)) ? null
              : Integer.valueOf((int) Math.floorDiv(MemoryUtil.getLong(a + 8L * at(positions, from, i)), DAY_MILLIS));
        }
        return;
      }
      case TIMEMICRO:
      case TIMENANO: {
        long a = v.getDataBufferAddress();
        long div = v.getMinorType() == org.apache.arrow.vector.types.Types.MinorType.TIMEMICRO ? 1000 : 1_000_000;
        for (int i = 0; i < n; i++) {
          out[i] = nulls && isNull(validity, at(positions, from, i)) ? null : Integer.valueOf((int) (MemoryUtil.getLong(a + 8L * at(positions, from, i)) / div));
        }
        return;
      }
      case FLOAT4: {
        long a = v.getDataBufferAddress();
        for (int i = 0; i < n; i++) {
          out[i] = nulls && isNull(validity, at(positions, from, i)) ? null
              : Float.valueOf(Float.intBitsToFloat(MemoryUtil.getInt(a + 4L * at(positions, from, i))));
        }
        return;
      }
      case FLOAT8: {
        long a = v.getDataBufferAddress();
        for (int i = 0; i < n; i++) {
          out[i] = nulls && isNull(validity, at(positions, from, i)) ? null
              : Double.valueOf(Double.longBitsToDouble(MemoryUtil.getLong(a + 8L * at(positions, from, i))));
        }
        return;
      }
      case BIT: {
        BitVector b = (BitVector) v;
        for (int i = 0; i < n; i++) {
          out[i] = nulls && isNull(validity, at(positions, from, i)) ? null : Boolean.valueOf(b.get(at(positions, from, i)) != 0);
        }
        return;
      }
      case DECIMAL: {
        DecimalVector d = (DecimalVector) v;
        for (int i = 0; i < n; i++) {
          out[i] = d.getObject(at(positions, from, i));
        }
        return;
      }
      case VARCHAR: {
        VarCharVector s = (VarCharVector) v;
        for (int i = 0; i < n; i++) {
          out[i] = nulls && isNull(validity, at(positions, from, i)) ? null : new String(s.get(at(positions, from, i)), StandardCharsets.UTF_8);
        }
        return;
      }
      case LARGEVARCHAR: {
        LargeVarCharVector s = (LargeVarCharVector) v;
        for (int i = 0; i < n; i++) {
          out[i] = nulls && isNull(validity, at(positions, from, i)) ? null : new String(s.get(at(positions, from, i)), StandardCharsets.UTF_8);
        }
        return;
      }
      default:
        throw new IllegalStateException("column '" + v.getName() + "' of type " + v.getField().getType()
            + " cannot be read");
    }
  }

  /** Copies 64-bit values as Long, scaled to milliseconds by {@code mul} or floored by {@code div}. */
  private static void copyLongs(FieldVector v, int[] positions, int from, Object[] out, long mul, long div) {
    int n = out.length;
    long validity = v.getValidityBufferAddress();
    boolean nulls = NullCounts.of(v) > 0;
    long a = v.getDataBufferAddress();
    for (int i = 0; i < n; i++) {
      if (nulls && isNull(validity, at(positions, from, i))) {
        out[i] = null;
      } else {
        long x = MemoryUtil.getLong(a + 8L * at(positions, from, i));
        out[i] = Long.valueOf(div == 1 ? x * mul : Math.floorDiv(x, div));
      }
    }
  }

  /** The batch row of output row {@code i}: the selection's position, or {@code from + i} for all rows. */
  private static int at(int[] positions, int from, int i) {
    return positions == null ? from + i : positions[from + i];
  }

  private static boolean isNull(long validity, int i) {
    return ((MemoryUtil.getByte(validity + (i >> 3)) >> (i & 7)) & 1) == 0;
  }
}
