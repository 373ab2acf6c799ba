package dev.wafer.sql;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.WaferSchema;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * Schema {@code sys}: tables describing the dataset itself ({@link PartitionsTable}) and recent
 * scans ({@link ScansTable}).
 */
public final class SysSchema extends AbstractSchema {
  public static final String NAME = "sys";
  private final WaferSchema dataset;

  public SysSchema(WaferSchema dataset) {
    this.dataset = requireNonNull(dataset, "dataset");
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return Map.of(PartitionsTable.NAME, new PartitionsTable(dataset), ScansTable.NAME, new ScansTable());
  }
}
