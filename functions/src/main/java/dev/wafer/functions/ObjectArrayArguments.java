package dev.wafer.functions;

/**
 * {@link Arguments} over an {@code Object[]} row as Calcite's row engine holds it. One instance
 * is reused for every row: {@link #wrap(Object[])} swaps the array in without copying.
 * Not thread-safe; use one per thread.
 */
public final class ObjectArrayArguments implements Arguments {
  private Object[] values = new Object[0];

  /** Points this accessor at {@code row} and returns it. */
  public ObjectArrayArguments wrap(Object... row) {
    this.values = row;
    return this;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean isNull(int i) {
    return values[i] == null;
  }

  @Override
  public double getDouble(int i) {
    Object v = values[i];
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    throw new IllegalArgumentException("argument " + i + " is not numeric: " + v.getClass().getName());
  }

  @Override
  public long getLong(int i) {
    Object v = values[i];
    if (v instanceof Number n) {
      return n.longValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    throw new IllegalArgumentException("argument " + i + " is not numeric: " + v.getClass().getName());
  }

  @Override
  public boolean getBoolean(int i) {
    Object v = values[i];
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0.0;
    }
    throw new IllegalArgumentException("argument " + i + " is not boolean: " + v.getClass().getName());
  }

  @Override
  public Object getObject(int i) {
    return values[i];
  }
}
