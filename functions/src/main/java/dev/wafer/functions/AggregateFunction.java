package dev.wafer.functions;

import org.apache.arrow.vector.ValueVector;

/**
 * A plugin or built-in SQL aggregate, split into the four steps every vectorized engine uses
 * (DuckDB, DataFusion, Trino, Spark): create a state, accumulate rows into it, merge partial
 * states, produce the result.
 *
 * <p>The scan runs {@link #accumulate} per batch in several threads, each into its own states,
 * then merges the partial states once and calls {@link #result}. Calcite's row engine, used
 * where a query is not pushed into the scan, calls {@link #accumulateRow} and {@link #result}
 * and never {@link #merge}: the engine, not Calcite, owns the partial/final split.
 *
 * <p><b>Merge direction:</b> {@code merge(target, other)} folds {@code other} into
 * {@code target} (Trino's convention: the first argument is the one updated).
 * {@code other} is left logically unchanged but must not be accumulated into afterwards.
 *
 * <p><b>Arguments:</b> the first argument is the measured column; the others (limits,
 * percentile, k) are per-group constants. An argument vector whose value count is 1 is
 * read at index 0 for every row, so the engine can pass a literal as a one-value vector.
 * Constant arguments are taken from the first row where they are non-NULL; a group whose
 * constant is NULL everywhere sees it as NULL (for a spec limit: "no limit on that side").
 *
 * <p><b>Nulls:</b> see {@link FunctionMetadata#nullHandling()}; every built-in ignores rows whose
 * first argument is NULL, and returns NULL for a group with no non-NULL row unless its
 * documentation says otherwise (APPROX_COUNT_DISTINCT returns 0).
 *
 * <p>Implementations are stateless and thread-safe; states are not thread-safe and must not
 * box or allocate per row.
 *
 * @param <S> the mutable state of one group
 */
public interface AggregateFunction<S> {
  /** Name, signatures and documentation. */
  FunctionMetadata metadata();

  /** A new, empty state (the state of a group that has seen no row). */
  S createState();

  /**
   * Adds the selected rows of one batch.
   *
   * @param state the group's state, updated in place
   * @param arguments one vector per argument, in signature order
   * @param selection row indexes to add (the first {@code count} entries), or null for rows
   *     {@code 0..count-1}
   * @param count number of rows to add
   */
  void accumulate(S state, ValueVector[] arguments, int[] selection, int count);

  /** Adds one row: the row-at-a-time path used from Calcite's row engine. */
  void accumulateRow(S state, Arguments row);

  /** Folds {@code other} into {@code target}; see the class comment for the direction. */
  void merge(S target, S other);

  /**
   * The aggregate's value for a state: a Double, Long or Boolean, or null for SQL NULL. Does
   * not change the state's logical content and may be called more than once.
   */
  Object result(S state);
}
