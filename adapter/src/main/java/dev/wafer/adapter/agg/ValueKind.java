package dev.wafer.adapter.agg;

import dev.wafer.adapter.table.ColumnKind;

/**
 * The primitive domain in which the aggregate kernels see a column: integers, dates, timestamps
 * (epoch milliseconds), times and booleans as {@code long}; REAL and DOUBLE as {@code double};
 * strings as {@code long} codes into the query's {@link StringCodes}. DECIMAL has no domain: only
 * its validity is read (COUNT).
 */
public enum ValueKind {
  LONG,
  DOUBLE,
  STRING,
  NONE;

  public static ValueKind of(ColumnKind kind) {
    switch (kind) {
      case TINYINT: case SMALLINT: case INTEGER: case BIGINT:
      case DATE: case TIMESTAMP: case TIME: case BOOLEAN:
        return LONG;
      case REAL: case DOUBLE:
        return DOUBLE;
      case VARCHAR:
        return STRING;
      default:
        return NONE;
    }
  }
}
