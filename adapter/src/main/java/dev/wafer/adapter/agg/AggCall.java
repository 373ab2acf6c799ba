package dev.wafer.adapter.agg;

import static java.util.Objects.requireNonNull;

/**
 * One aggregate call of a pushed aggregate.
 *
 * @param kind the function
 * @param column argument as an index into the scan's columns; -1 for COUNT(*)
 * @param filter the FILTER (WHERE …) condition, or null; rows where it is not TRUE are ignored
 */
public record AggCall(AggKind kind, int column, AggPredicate filter) {
  public AggCall {
    requireNonNull(kind, "kind");
    if ((kind == AggKind.COUNT_STAR) != (column < 0)) {
      throw new IllegalArgumentException(kind + " with argument column " + column);
    }
  }
}
