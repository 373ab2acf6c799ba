package dev.wafer.functions;

/**
 * The SQL types a function signature can name. The engine maps them to Calcite types when it
 * registers a function; {@link #NUMERIC} accepts any numeric column, read as a double.
 */
public enum SqlType {
  /** Any exact or approximate numeric (TINYINT..BIGINT, REAL, DOUBLE), read as a double. */
  NUMERIC,
  DOUBLE,
  BIGINT,
  BOOLEAN,
  VARCHAR,
  /** Any type the function can hash or compare (used by APPROX_COUNT_DISTINCT). */
  ANY
}
