package dev.wafer.adapter.agg;

import dev.wafer.adapter.arrow.NullCounts;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.Types.MinorType;

/**
 * Turns one column of a batch into its primitive domain ({@link ValueKind}), once per batch: a
 * type dispatch per column and one tight loop over the raw buffer. Dictionary indexes become
 * query-wide string codes through a per-dictionary table built once (dictionaries are shared by
 * every batch of a file). One decoder per worker: not thread-safe.
 */
final class ColumnDecoder {
  private static final long DAY_MILLIS = 86_400_000L;
  private final StringCodes codes;
  private final Map<String[], int[]> dictionaryCodes = new IdentityHashMap<>();
  /** Made when a plain string column is first decoded: most aggregates never read one. */
  private Utf8Codes utf8;

  ColumnDecoder(StringCodes codes) {
    this.codes = codes;
  }

  /**
   * Decodes column {@code c}.
   *
   * @param values false when only validity is needed (COUNT of a column)
   * @param positions when not null, only the values of rows {@code positions[0..n)} are needed
   *     (the others are left stale): a selective filter's rows are gathered, not all copied
   */
  void decode(BatchColumns batch, int c, ValueKind kind, boolean values, int rows, int[] positions, int n,
      ColumnBatch out) {
    boolean longs = values && (kind == ValueKind.LONG || kind == ValueKind.STRING);
    boolean doubles = values && kind == ValueKind.DOUBLE;
    out.reset(rows, longs, doubles);
    FieldVector v = batch.vector(c);
    if (v == null) {
      constant(batch.constant(c), kind, values, rows, out);
      return;
    }
    int nullCount = NullCounts.of(v);
    out.hasNulls = nullCount > 0;
    out.validity = v.getValidityBufferAddress();
    if (out.hasNulls && nullCount == rows) {
      out.allNull = true;
      return;
    }
    if (!values) {
      return;
    }
    String[] dictionary = batch.dictionary(c);
    if (dictionary != null) {
      dictionary(v, dictionary, rows, out);
    } else if (kind == ValueKind.STRING) {
      strings(v, rows, out);
    } else if (positions != null && gather(v, doubles, positions, n, out)) {
      return;
    } else if (doubles) {
      doubles(v, rows, out.doubles);
    } else {
      longs(v, rows, out);
    }
  }

  private void constant(Object value, ValueKind kind, boolean values, int rows, ColumnBatch out) {
    out.constant = true;
    if (value == null) {
      out.allNull = true;
      return;
    }
    if (!values) {
      return;
    }
    if (kind == ValueKind.DOUBLE) {
      java.util.Arrays.fill(out.doubles, 0, rows, ((Number) value).doubleValue());
    } else {
      long x = value instanceof Number n ? n.longValue() : value instanceof Boolean b ? (b ? 1 : 0)
          : codes.code(value.toString());
      java.util.Arrays.fill(out.longs, 0, rows, x);
    }
  }

  private void dictionary(FieldVector indices, String[] dictionary, int rows, ColumnBatch out) {
    int[] map = dictionaryCodes.computeIfAbsent(dictionary, codes::codes);
    long[] dst = out.longs;
    boolean nulls = out.hasNulls;
    if (indices instanceof IntVector) {
      long a = indices.getDataBufferAddress();
      for (int i = 0; i < rows; i++) {
        int index = MemoryUtil.getInt(a + 4L * i);
        if (index < 0 || index >= map.length) {
          if (nulls && out.isNull(i)) {
            continue;
          }
          throw badIndex(indices, index, map.length);
        }
        dst[i] = map[index];
      }
      return;
    }
    BaseIntVector any = (BaseIntVector) indices;
    for (int i = 0; i < rows; i++) {
      if (nulls && out.isNull(i)) {
        continue;
      }
      long index = any.getValueAsLong(i);
      if (index < 0 || index >= map.length) {
        throw badIndex(indices, index, map.length);
      }
      dst[i] = map[(int) index];
    }
  }

  private static IllegalStateException badIndex(FieldVector v, long index, int size) {
    return new IllegalStateException("column '" + v.getName() + "': dictionary index " + index
        + " outside dictionary of " + size + " values");
  }

  /** Plain (not dictionary-encoded) strings: each row's bytes looked up in place by {@link Utf8Codes}. */
  private void strings(FieldVector v, int rows, ColumnBatch out) {
    long[] dst = out.longs;
    long data = v.getDataBufferAddress();
    long dataEnd = data + v.getDataBuffer().capacity();
    long offsets = v.getOffsetBufferAddress();
    boolean large = v instanceof LargeVarCharVector;
    if (!large && !(v instanceof VarCharVector)) {
      throw new IllegalStateException("column '" + v.getName() + "': " + v.getMinorType() + " read as a string");
    }
    if (utf8 == null) {
      utf8 = new Utf8Codes(codes);
    }
    for (int i = 0; i < rows; i++) {
      if (out.hasNulls && out.isNull(i)) {
        continue;
      }
      long start = large ? MemoryUtil.getLong(offsets + 8L * i) : MemoryUtil.getInt(offsets + 4L * i);
      long end = large ? MemoryUtil.getLong(offsets + 8L * (i + 1)) : MemoryUtil.getInt(offsets + 4L * (i + 1));
      dst[i] = utf8.code(data + start, (int) (end - start), dataEnd);
    }
  }

  /** Decodes the values at {@code positions} of the common fixed-width types; false for the others. */
  private static boolean gather(FieldVector v, boolean doubles, int[] positions, int n, ColumnBatch out) {
    long a = v.getDataBufferAddress();
    if (doubles) {
      if (v.getMinorType() != MinorType.FLOAT8) {
        return false;
      }
      double[] d = out.doubles;
      for (int i = 0; i < n; i++) {
        int r = positions[i];
        d[r] = Double.longBitsToDouble(MemoryUtil.getLong(a + 8L * r));
      }
      return true;
    }
    switch (v.getMinorType()) {
      case INT:
        long[] x = out.longs;
        for (int i = 0; i < n; i++) {
          int r = positions[i];
          x[r] = MemoryUtil.getInt(a + 4L * r);
        }
        return true;
      case BIGINT:
      case TIMESTAMPMILLI:
        long[] y = out.longs;
        for (int i = 0; i < n; i++) {
          int r = positions[i];
          y[r] = MemoryUtil.getLong(a + 8L * r);
        }
        return true;
      default:
        return false;
    }
  }

  private static void doubles(FieldVector v, int rows, double[] dst) {
    long a = v.getDataBufferAddress();
    if (v.getMinorType() == MinorType.FLOAT8) {
      for (int i = 0; i < rows; i++) {
        dst[i] = Double.longBitsToDouble(MemoryUtil.getLong(a + 8L * i));
      }
    } else if (v.getMinorType() == MinorType.FLOAT4) {
      for (int i = 0; i < rows; i++) {
        dst[i] = Float.intBitsToFloat(MemoryUtil.getInt(a + 4L * i));
      }
    } else {
      throw unsupported(v);
    }
  }

  /** Integers, dates (epoch days), timestamps (epoch millis), times (millis of day), booleans (0/1). */
  private static void longs(FieldVector v, int rows, ColumnBatch out) {
    long[] dst = out.longs;
    MinorType type = v.getMinorType();
    long a = v.getDataBufferAddress();
    if (type == MinorType.BIT) {
      for (int i = 0; i < rows; i++) {
        dst[i] = (MemoryUtil.getByte(a + (i >> 3)) >> (i & 7)) & 1;
      }
      return;
    }
    switch (type) {
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
      case INT:
      case DATEDAY:
      case TIMEMILLI:
        for (int i = 0; i < rows; i++) {
          dst[i] = MemoryUtil.getInt(a + 4L * i);
        }
        return;
      case TIMESEC:
        for (int i = 0; i < rows; i++) {
          dst[i] = MemoryUtil.getInt(a + 4L * i) * 1000L;
        }
        return;
      case BIGINT:
      case TIMESTAMPMILLI:
        for (int i = 0; i < rows; i++) {
          dst[i] = MemoryUtil.getLong(a + 8L * i);
        }
        return;
      case TIMESTAMPSEC:
        for (int i = 0; i < rows; i++) {
          dst[i] = MemoryUtil.getLong(a + 8L * i) * 1000L;
        }
        return;
      case TIMESTAMPMICRO:
      case TIMEMICRO:
        floorDiv(a, rows, dst, 1000L);
        return;
      case TIMESTAMPNANO:
      case TIMENANO:
        floorDiv(a, rows, dst, 1_000_000L);
        return;
      case DATEMILLI:
        floorDiv(a, rows, dst, DAY_MILLIS);
        return;
      default:
        throw unsupported(v);
    }
  }

  private static void floorDiv(long a, int rows, long[] dst, long div) {
    for (int i = 0; i < rows; i++) {
      dst[i] = Math.floorDiv(MemoryUtil.getLong(a + 8L * i), div);
    }
  }

  private static IllegalStateException unsupported(FieldVector v) {
    return new IllegalStateException("column '" + v.getName() + "' of type " + v.getField().getType()
        + " cannot be aggregated");
  }
}
