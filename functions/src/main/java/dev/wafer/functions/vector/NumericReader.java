package dev.wafer.functions.vector;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.types.Types.MinorType;

/**
 * Reads numeric Arrow vectors as doubles for the aggregates, a batch at a time: one loop per
 * vector type over the data buffer, the type switch outside the loop, so the per-row work is
 * a validity bit test and a load (no boxing, no virtual call).
 *
 * <p>A vector with one value stands for a constant and is read at index 0 for every row (see
 * {@link dev.wafer.functions.AggregateFunction}). NaN is skipped like NULL: test data uses it
 * for "not measured", and one NaN would otherwise poison a whole group's statistics.
 */
public final class NumericReader {
  private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[4096]);

  private NumericReader() {}

  /**
   * A per-thread buffer of at least {@code size} doubles, reused across calls so gathering a
   * batch does not allocate. The caller must be done with it before the next call on the thread.
   */
  public static double[] scratch(int size) {
    double[] buf = SCRATCH.get();
    if (buf.length < size) {
      buf = new double[Math.max(size, buf.length * 2)];
      SCRATCH.set(buf);
    }
    return buf;
  }

  /**
   * Copies the non-NULL, non-NaN values of the selected rows into {@code out}.
   *
   * @param out receives the values; needs room for {@code count}
   * @return how many values were written
   */
  public static int gather(ValueVector vector, int[] selection, int count, double[] out) {
    if (vector.getValueCount() == 1 && count > 0) {
      return broadcast(vector, count, out);
    }
    BaseFixedWidthVector v = fixedWidth(vector);
    ArrowBuf data = v.getDataBuffer();
    ArrowBuf validity = v.getValidityBuffer();
    boolean nulls = v.getNullCount() > 0;
    int n = 0;
    switch (v.getMinorType()) {
      case FLOAT8 -> {
        for (int i = 0; i < count; i++) {
          int r = selection == null ? i : selection[i];
          if (nulls && !isValid(validity, r)) {
            continue;
          }
          double d = data.getDouble((long) r << 3);
          out[n] = d;
          n += d == d ? 1 : 0; // skips NaN without a branch
        }
      }
      case FLOAT4 -> {
        for (int i = 0; i < count; i++) {
          int r = selection == null ? i : selection[i];
          if (nulls && !isValid(validity, r)) {
            continue;
          }
          double d = data.getFloat((long) r << 2);
          out[n] = d;
          n += d == d ? 1 : 0;
        }
      }
      case BIGINT -> {
        for (int i = 0; i < count; i++) {
          int r = selection == null ? i : selection[i];
          if (!nulls || isValid(validity, r)) {
            out[n++] = data.getLong((long) r << 3);
          }
        }
      }
      case INT -> {
        for (int i = 0; i < count; i++) {
          int r = selection == null ? i : selection[i];
          if (!nulls || isValid(validity, r)) {
            out[n++] = data.getInt((long) r << 2);
          }
        }
      }
      case SMALLINT -> {
        for (int i = 0; i < count; i++) {
          int r = selection == null ? i : selection[i];
          if (!nulls || isValid(validity, r)) {
            out[n++] = data.getShort((long) r << 1);
          }
        }
      }
      case TINYINT -> {
        for (int i = 0; i < count; i++) {
          int r = selection == null ? i : selection[i];
          if (!nulls || isValid(validity, r)) {
            out[n++] = data.getByte(r);
          }
        }
      }
      case DECIMAL -> {
        double scale = Math.pow(10, ((org.apache.arrow.vector.DecimalVector) v).getScale());
        for (int i = 0; i < count; i++) {
          int r = selection == null ? i : selection[i];
          if (!nulls || isValid(validity, r)) {
            out[n++] = decimal(data, r, scale);
          }
        }
      }
      default -> throw unsupported(vector);
    }
    return n;
  }

  /**
   * The row of the first selected non-NULL, non-NaN value, or -1 when there is none. Used for
   * per-group constant arguments (limits, percentiles).
   */
  public static int firstValidRow(ValueVector vector, int[] selection, int count) {
    if (vector.getValueCount() == 1 && count > 0) {
      return isUsable(vector, 0) ? 0 : -1;
    }
    for (int i = 0; i < count; i++) {
      int r = selection == null ? i : selection[i];
      if (isUsable(vector, r)) {
        return r;
      }
    }
    return -1;
  }

  /** The value at {@code row} as a double; the row must not be NULL. */
  public static double get(ValueVector vector, int row) {
    BaseFixedWidthVector v = fixedWidth(vector);
    ArrowBuf data = v.getDataBuffer();
    return switch (v.getMinorType()) {
      case FLOAT8 -> data.getDouble((long) row << 3);
      case FLOAT4 -> data.getFloat((long) row << 2);
      case BIGINT -> data.getLong((long) row << 3);
      case INT -> data.getInt((long) row << 2);
      case SMALLINT -> data.getShort((long) row << 1);
      case TINYINT -> data.getByte(row);
      case DECIMAL -> decimal(data, row, Math.pow(10, ((org.apache.arrow.vector.DecimalVector) v).getScale()));
      default -> throw unsupported(vector);
    };
  }

  /**
   * A DECIMAL(p, s) value (16-byte little-endian two's complement) as a double. Calcite types
   * literals such as 9.8 as DECIMAL, so limits often arrive this way. Values that fit in a long
   * (all but the widest) are converted without allocating.
   */
  private static double decimal(ArrowBuf data, int row, double scale) {
    long offset = (long) row * 16;
    long low = data.getLong(offset);
    long high = data.getLong(offset + 8);
    if (high == (low >> 63)) {
      return low / scale;
    }
    return org.apache.arrow.vector.util.DecimalUtility.getBigDecimalFromArrowBuf(data, row,
        (int) Math.round(Math.log10(scale)), 16).doubleValue();
  }

  /** Whether bit {@code row} of an Arrow validity buffer is set. */
  public static boolean isValid(ArrowBuf validity, int row) {
    return ((validity.getByte(row >>> 3) >> (row & 7)) & 1) != 0;
  }

  private static boolean isUsable(ValueVector vector, int row) {
    if (vector.isNull(row)) {
      return false;
    }
    double d = get(vector, row);
    return d == d;
  }

  private static int broadcast(ValueVector vector, int count, double[] out) {
    if (!isUsable(vector, 0)) {
      return 0;
    }
    java.util.Arrays.fill(out, 0, count, get(vector, 0));
    return count;
  }

  private static BaseFixedWidthVector fixedWidth(ValueVector vector) {
    if (vector instanceof BaseFixedWidthVector v && isNumeric(v.getMinorType())) {
      return v;
    }
    throw unsupported(vector);
  }

  private static boolean isNumeric(MinorType t) {
    return switch (t) {
      case FLOAT8, FLOAT4, BIGINT, INT, SMALLINT, TINYINT, DECIMAL -> true;
      default -> false;
    };
  }

  private static IllegalArgumentException unsupported(ValueVector vector) {
    return new IllegalArgumentException("column " + vector.getName() + " has type " + vector.getMinorType()
        + "; numeric functions read FLOAT8, FLOAT4, BIGINT, INT, SMALLINT, TINYINT or DECIMAL (cast it first)");
  }
}
