package dev.wafer.adapter.dataset;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Row count and per-column statistics of one container: a whole file or one record batch.
 *
 * @param rows number of rows
 * @param columns statistics by column name, in schema order
 */
public record ContainerStats(long rows, Map<String, ColumnStats> columns) {

  public ContainerStats {
    if (rows < 0) {
      throw new IllegalArgumentException("rows < 0: " + rows);
    }
    columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(columns, "columns")));
  }

  /** Statistics of one column, or null when the container does not record it. */
  public ColumnStats column(String name) {
    return columns.get(name);
  }

  /** Combines the statistics of two disjoint containers with the same columns. */
  public ContainerStats merge(ContainerStats other) {
    Map<String, ColumnStats> merged = new LinkedHashMap<>(columns);
    other.columns.forEach((name, s) -> merged.merge(name, s, ColumnStats::merge));
    return new ContainerStats(rows + other.rows, merged);
  }
}
