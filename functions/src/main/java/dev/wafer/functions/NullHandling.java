package dev.wafer.functions;

/**
 * How a function treats NULL in its main (first) argument. Declared so the engine may drop
 * such rows early (for example from the selection vector) without changing any result.
 */
public enum NullHandling {
  /** Rows whose first argument is NULL are ignored, as SQL aggregates do; the function also skips them itself. */
  IGNORE_NULLS,
  /** The function sees NULL rows (a scalar returning NULL on NULL input also declares this). */
  RECEIVES_NULLS
}
