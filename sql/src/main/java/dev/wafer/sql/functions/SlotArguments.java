package dev.wafer.sql.functions;

import dev.wafer.functions.Arguments;

/**
 * {@link Arguments} over a fixed number of typed slots that generated code fills one by one
 * before each call ({@link #setDouble}, {@link #setLong}, {@link #setBoolean}, {@link #setObject}).
 * Primitive arguments stay primitive, so feeding a row into an aggregate neither boxes nor
 * allocates. One instance serves every row of a group; not thread-safe.
 */
public class SlotArguments implements Arguments {
  private static final byte NULL = 0;
  private static final byte DOUBLE = 1;
  private static final byte LONG = 2;
  private static final byte BOOLEAN = 3;
  private static final byte OBJECT = 4;

  private final byte[] kinds;
  private final double[] doubles;
  private final long[] longs;
  private final Object[] objects;

  public SlotArguments(int size) {
    kinds = new byte[size];
    doubles = new double[size];
    longs = new long[size];
    objects = new Object[size];
  }

  public final void setDouble(int i, double v) {
    kinds[i] = DOUBLE;
    doubles[i] = v;
  }

  public final void setLong(int i, long v) {
    kinds[i] = LONG;
    longs[i] = v;
  }

  public final void setBoolean(int i, boolean v) {
    kinds[i] = BOOLEAN;
    longs[i] = v ? 1L : 0L;
  }

  /** Sets a boxed (nullable) or non-numeric value; Java null is SQL NULL. */
  public final void setObject(int i, Object v) {
    kinds[i] = v == null ? NULL : OBJECT;
    objects[i] = v;
  }

  @Override
  public final int size() {
    return kinds.length;
  }

  @Override
  public final boolean isNull(int i) {
    return kinds[i] == NULL;
  }

  @Override
  public final double getDouble(int i) {
    switch (kinds[i]) {
      case DOUBLE:
        return doubles[i];
      case LONG:
      case BOOLEAN:
        return longs[i];
      default:
        return objectAsNumber(i).doubleValue();
    }
  }

  @Override
  public final long getLong(int i) {
    switch (kinds[i]) {
      case DOUBLE:
        return (long) doubles[i];
      case LONG:
      case BOOLEAN:
        return longs[i];
      default:
        return objectAsNumber(i).longValue();
    }
  }

  @Override
  public final boolean getBoolean(int i) {
    switch (kinds[i]) {
      case DOUBLE:
        return doubles[i] != 0.0;
      case LONG:
      case BOOLEAN:
        return longs[i] != 0L;
      default:
        return objects[i] instanceof Boolean b ? b : objectAsNumber(i).doubleValue() != 0.0;
    }
  }

  @Override
  public final Object getObject(int i) {
    switch (kinds[i]) {
      case DOUBLE:
        return doubles[i];
      case LONG:
        return longs[i];
      case BOOLEAN:
        return longs[i] != 0L;
      default:
        return objects[i];
    }
  }

  private Number objectAsNumber(int i) {
    Object v = objects[i];
    if (v instanceof Number n) {
      return n;
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    throw new IllegalArgumentException("argument " + i + " is not numeric: "
        + (v == null ? "NULL" : v.getClass().getName()));
  }
}
