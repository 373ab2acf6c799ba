package dev.wafer.adapter.dataset;

import static java.util.Objects.requireNonNull;

/**
 * A hive partition column as the table exposes it.
 *
 * @param name directory key (also the SQL column name)
 * @param sqlType one of {@code DATE}, {@code INTEGER}, {@code BIGINT}, {@code VARCHAR}, {@code
 *     BOOLEAN}
 */
public record PartitionColumn(String name, String sqlType) {
  public PartitionColumn {
    requireNonNull(name, "name");
    requireNonNull(sqlType, "sqlType");
  }
}
