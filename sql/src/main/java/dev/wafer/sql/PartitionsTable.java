package dev.wafer.sql;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.WaferDataException;
import dev.wafer.adapter.WaferSchema;
import dev.wafer.adapter.WaferTable;
import dev.wafer.adapter.table.TableFile;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sys.partitions}: one row per data file of every table: table_name, partition_values
 * (the hive directory path, e.g. {@code test_date=2024-01-03}; empty when unpartitioned),
 * file_path, file_format, row_count, byte_count, batch_count. Enough to compute a partition
 * balance report in SQL. Tables whose files cannot be read are left out (and logged).
 */
public final class PartitionsTable extends AbstractTable implements ScannableTable {
  public static final String NAME = "partitions";
  private static final Logger LOG = LoggerFactory.getLogger(PartitionsTable.class);
  private final WaferSchema dataset;

  public PartitionsTable(WaferSchema dataset) {
    this.dataset = requireNonNull(dataset, "dataset");
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    return f.builder()
        .add("table_name", SqlTypeName.VARCHAR)
        .add("partition_values", SqlTypeName.VARCHAR)
        .add("file_path", SqlTypeName.VARCHAR)
        .add("file_format", SqlTypeName.VARCHAR)
        .add("row_count", SqlTypeName.BIGINT)
        .add("byte_count", SqlTypeName.BIGINT)
        .add("batch_count", SqlTypeName.INTEGER)
        .build();
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    List<Object[]> rows = new ArrayList<>();
    for (WaferTable table : dataset.waferTables().values()) {
      List<TableFile> files;
      try {
        files = table.layout().files();
      } catch (WaferDataException e) {
        LOG.warn("sys.partitions leaves out {}: {}", table.name(), e.getMessage());
        continue;
      }
      for (TableFile f : files) {
        rows.add(new Object[] {table.name(), f.file().partitionPath(), f.file().path().toString(),
            f.file().format().name().toLowerCase(java.util.Locale.ROOT), f.rows(), f.file().bytes(), f.batches()});
      }
    }
    return Linq4j.asEnumerable(rows);
  }
}
