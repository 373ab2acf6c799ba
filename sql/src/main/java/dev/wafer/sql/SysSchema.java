package dev.wafer.sql;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.WaferSchema;
import dev.wafer.functions.FunctionRegistry;
import dev.wafer.sql.functions.FunctionsTable;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * Schema {@code sys}: tables describing the dataset and the connection ({@link PartitionsTable},
 * {@link FunctionsTable}) and recent scans ({@link ScansTable}).
 */
public final class SysSchema extends AbstractSchema {
  public static final String NAME = "sys";
  private final WaferSchema dataset;
  private final FunctionRegistry functions;

  public SysSchema(WaferSchema dataset, FunctionRegistry functions) {
    this.dataset = requireNonNull(dataset, "dataset");
    this.functions = requireNonNull(functions, "functions");
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return Map.of(PartitionsTable.NAME, new PartitionsTable(dataset),
        FunctionsTable.NAME, new FunctionsTable(functions), ScansTable.NAME, new ScansTable());
  }
}
