package dev.wafer.adapter.dataset;

import static java.util.Objects.requireNonNull;

/**
 * A column that is a function of another column, recorded in the table metadata so a filter on
 * the source can prune partitions of the derived column: {@code test_date = day(ts)} lets
 * {@code ts >= TIMESTAMP '2024-01-03 00:00:00'} skip earlier {@code test_date} directories.
 *
 * @param column derived column or partition key, e.g. {@code test_date} or {@code ts_day}
 * @param source column it is computed from, e.g. {@code ts}
 * @param transform {@code day}, {@code month}, {@code range(…)}, {@code hash(N)} or
 *     {@code identity}
 */
public record Derivation(String column, String source, String transform) {
  public Derivation {
    requireNonNull(column, "column");
    requireNonNull(source, "source");
    requireNonNull(transform, "transform");
  }
}
