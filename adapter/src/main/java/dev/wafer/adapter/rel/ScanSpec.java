package dev.wafer.adapter.rel;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.agg.AggregateSpec;
import dev.wafer.adapter.predicate.ScanPredicate;
import dev.wafer.adapter.table.TableColumn;
import dev.wafer.adapter.table.TableFile;
import dev.wafer.adapter.table.TableLayout;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What a {@link WaferScan} reads and computes: an immutable value that planner rules grow with
 * {@code withX} methods (column pruning, partition pruning, a pushed predicate, a pushed
 * aggregate). The predicate filters rows before the aggregate folds them.
 *
 * @param table qualified table name, for plans and messages
 * @param tableColumns every column of the table, in table order
 * @param columns projected columns, as ordinals into {@code tableColumns}, in output order
 * @param files selected files (all files until partition pruning selects fewer)
 * @param totalFiles files in the table
 * @param totalBatches record batches in the table
 * @param predicate pushed predicate over table column ordinals (rows for which it is not TRUE are
 *     not returned, nor aggregated), or null when nothing is pushed
 * @param aggregate GROUP BY computed in the scan (its column indexes point into {@code columns}),
 *     or null: the scan then outputs one row per group instead of the rows
 * @param scalarFilter a further filter whose constants another one-row scan of the query computes
 *     (bound into {@code predicate} at execution by {@code ScalarBinder}), or null
 */
public record ScanSpec(
    String table,
    List<TableColumn> tableColumns,
    List<Integer> columns,
    List<TableFile> files,
    int totalFiles,
    int totalBatches,
    ScanPredicate predicate,
    AggregateSpec aggregate,
    ScalarFilter scalarFilter) {

  public ScanSpec {
    requireNonNull(table, "table");
    tableColumns = List.copyOf(tableColumns);
    columns = List.copyOf(columns);
    files = List.copyOf(files);
    for (int c : columns) {
      if (c < 0 || c >= tableColumns.size()) {
        throw new IllegalArgumentException("column ordinal " + c + " outside table of " + tableColumns.size());
      }
    }
    if (aggregate != null) {
      for (int c : aggregate.columns()) {
        if (c >= columns.size()) {
          throw new IllegalArgumentException("aggregate reads column " + c + " of a scan of " + columns.size());
        }
      }
    }
  }

  /** A scan of every column and every file of a table. */
  public static ScanSpec full(String table, TableLayout layout) {
    return new ScanSpec(table, layout.columns(),
        IntStream.range(0, layout.columns().size()).boxed().toList(),
        layout.files(), layout.files().size(), layout.batches(), null, null, null);
  }

  /** Another column projection; not for a scan with an aggregate (its indexes point into the columns). */
  public ScanSpec withColumns(List<Integer> newColumns) {
    if (aggregate != null) {
      throw new IllegalStateException("cannot re-project a scan that computes an aggregate");
    }
    return new ScanSpec(table, tableColumns, newColumns, files, totalFiles, totalBatches, predicate, aggregate, scalarFilter);
  }

  public ScanSpec withFiles(List<TableFile> newFiles) {
    return new ScanSpec(table, tableColumns, columns, newFiles, totalFiles, totalBatches, predicate, aggregate, scalarFilter);
  }

  /**
   * This scan with another pushed predicate (null: none); not for a scan with an aggregate (a
   * filter above it reads groups, not rows).
   */
  public ScanSpec withPredicate(ScanPredicate newPredicate) {
    if (aggregate != null) {
      throw new IllegalStateException("cannot push a row predicate below a pushed aggregate");
    }
    return new ScanSpec(table, tableColumns, columns, files, totalFiles, totalBatches, newPredicate, aggregate, scalarFilter);
  }

  /** This scan computing {@code newAggregate} over its (filtered) columns (null: no aggregate). */
  public ScanSpec withAggregate(AggregateSpec newAggregate) {
    return new ScanSpec(table, tableColumns, columns, files, totalFiles, totalBatches, predicate, newAggregate, scalarFilter);
  }

  /**
   * This scan with a filter bound at execution (null: none); not for a scan with an aggregate
   * (as for {@link #withPredicate}).
   */
  public ScanSpec withScalarFilter(ScalarFilter newScalarFilter) {
    if (aggregate != null) {
      throw new IllegalStateException("cannot push a row filter below a pushed aggregate");
    }
    return new ScanSpec(table, tableColumns, columns, files, totalFiles, totalBatches, predicate, aggregate,
        newScalarFilter);
  }

  /** The projected columns, in output order. */
  public List<TableColumn> outputColumns() {
    return columns.stream().map(tableColumns::get).toList();
  }

  public long rows() {
    return files.stream().mapToLong(TableFile::rows).sum();
  }

  public int batches() {
    return files.stream().mapToInt(TableFile::batches).sum();
  }

  /** The specification as plans print it. */
  public String describe() {
    return "columns=[" + outputColumns().stream().map(TableColumn::name).collect(Collectors.joining(", "))
        + "]" + (predicate == null ? "" : ", filter=[" + predicate + "]")
        + (scalarFilter == null ? ""
            : ", scalar filter=[" + scalarFilter.describe(tableColumns.stream().map(TableColumn::name).toList()) + "]")
        + ", files=" + files.size() + "/" + totalFiles + ", batches=" + batches() + "/" + totalBatches
        + (aggregate == null ? ""
            : ", aggregate=[" + aggregate.describe(outputColumns().stream().map(TableColumn::name).toList()) + "]");
  }
}
