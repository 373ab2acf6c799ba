package dev.wafer.adapter;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.predicate.PartitionHints;
import dev.wafer.adapter.rel.ScanSpec;
import dev.wafer.adapter.rel.WaferLogicalScan;
import dev.wafer.adapter.table.TableColumn;
import dev.wafer.adapter.table.TableFile;
import dev.wafer.adapter.table.TableLayout;
import dev.wafer.adapter.table.TableLayoutLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One table of a Wafer dataset: a directory of Arrow/Parquet files, optionally hive-partitioned.
 * The layout (files, schema, statistics) is read on first use and kept for the life of the
 * schema; a table whose files are unreadable fails every use with the same message naming the
 * file, while other tables stay usable. Reports its row count to Calcite.
 */
public final class WaferTable extends AbstractTable implements TranslatableTable {
  private final String name;
  private final Path directory;
  private final WaferOptions options;
  private volatile TableLayout layout;
  private volatile RuntimeException loadFailure;
  private volatile PartitionHints hints;
  /** Distinct partition directories of the layout, counted on first use (-1 before). */
  private volatile int partitionCount = -1;

  public WaferTable(String name, Path directory, WaferOptions options) {
    this.name = requireNonNull(name, "name");
    this.directory = requireNonNull(directory, "directory");
    this.options = requireNonNull(options, "options");
  }

  public String name() {
    return name;
  }

  public Path directory() {
    return directory;
  }

  /**
   * The partition keys derived from data columns, read from the table metadata once (like the
   * layout) rather than every time the planner pushes a filter.
   */
  public PartitionHints partitionHints() {
    PartitionHints h = hints;
    if (h == null) {
      h = PartitionHints.of(directory);
      hints = h;
    }
    return h;
  }

  /**
   * The table's layout, loaded once.
   *
   * @throws WaferDataException naming the file and the problem when the table cannot be read
   */
  public TableLayout layout() {
    TableLayout l = layout;
    if (l != null) {
      return l;
    }
    synchronized (this) {
      if (layout == null && loadFailure == null) {
        try {
          layout = TableLayoutLoader.load(directory, WaferMemory.root());
        } catch (IOException | RuntimeException e) {
          loadFailure = new WaferDataException("table " + name + ": " + e.getMessage(), e);
        }
      }
      if (loadFailure != null) {
        throw new WaferDataException(loadFailure.getMessage(), loadFailure);
      }
      return layout;
    }
  }

  /** The number of distinct partition directories of the table's files (plans print it). */
  public int partitionCount() {
    int n = partitionCount;
    if (n < 0) {
      n = TableFile.partitionCount(layout().files());
      partitionCount = n;
    }
    return n;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder b = typeFactory.builder();
    for (TableColumn c : layout().columns()) {
      b.add(c.name(), sqlType(typeFactory, c)).nullable(true);
    }
    return b.build();
  }

  static RelDataType sqlType(RelDataTypeFactory f, TableColumn c) {
    switch (c.kind()) {
      case DECIMAL:
        return f.createSqlType(SqlTypeName.DECIMAL, c.precision(), c.scale());
      case TIMESTAMP:
      case TIME:
        return f.createSqlType(c.kind().sqlType(), c.precision());
      default:
        return f.createSqlType(c.kind().sqlType());
    }
  }

  @Override
  public Statistic getStatistic() {
    try {
      return Statistics.of(layout().rows(), List.of());
    } catch (WaferDataException e) {
      return Statistics.UNKNOWN;
    }
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    String qualified = String.join(".", relOptTable.getQualifiedName());
    return new WaferLogicalScan(context.getCluster(), relOptTable, ScanSpec.full(qualified, layout()), options);
  }
}
