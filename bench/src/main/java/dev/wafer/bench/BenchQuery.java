package dev.wafer.bench;

import static java.util.Objects.requireNonNull;

/**
 * One query of the engine comparison.
 *
 * @param name short identifier used in reports and charts
 * @param description what the query measures, for the report
 * @param sql SQL accepted by every engine (Calcite and DuckDB dialects overlap here)
 * @param streamed true for queries returning many rows: the harness then compares a digest of
 *     the rows (count and order-independent checksums) instead of holding them all
 */
public record BenchQuery(String name, String description, String sql, boolean streamed) {
  public BenchQuery {
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    requireNonNull(sql, "sql");
  }
}
