package dev.wafer.functions;

/**
 * The argument values of one row, for the row-at-a-time paths (scalar calls, Calcite's row
 * engine feeding an aggregate, running functions). An accessor rather than an array so the
 * caller can reuse one instance for every row and primitive values are read without boxing.
 */
public interface Arguments {
  /** Number of arguments. */
  int size();

  /** Whether argument {@code i} is SQL NULL. */
  boolean isNull(int i);

  /** Argument {@code i} as a double; only valid when {@link #isNull(int)} is false. */
  double getDouble(int i);

  /** Argument {@code i} as a long; only valid when {@link #isNull(int)} is false. */
  long getLong(int i);

  /** Argument {@code i} as a boolean; only valid when {@link #isNull(int)} is false. */
  boolean getBoolean(int i);

  /** Argument {@code i} as a Java object (null for SQL NULL); for hashing strings and other types. */
  Object getObject(int i);

  /** Argument {@code i} as a double, or {@code fallback} when it is NULL. */
  default double getDoubleOr(int i, double fallback) {
    return i < size() && !isNull(i) ? getDouble(i) : fallback;
  }
}
