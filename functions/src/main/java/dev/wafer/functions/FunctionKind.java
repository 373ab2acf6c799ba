package dev.wafer.functions;

/** What kind of SQL function a {@link FunctionMetadata} describes. */
public enum FunctionKind {
  /** One value per row ({@link ScalarFunction}). */
  SCALAR,
  /** One value per group ({@link AggregateFunction}). */
  AGGREGATE,
  /** A running value per row over an ordered partition ({@code OVER (PARTITION BY .. ORDER BY ..)}). */
  RUNNING
}
