package dev.wafer.adapter.rel;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.predicate.ScanPredicate;
import dev.wafer.adapter.table.TableColumn;
import dev.wafer.adapter.table.TableFile;
import dev.wafer.adapter.table.TableLayout;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What a {@link WaferTableScan} reads: an immutable value that planner rules grow with {@code withX}
 * methods (column pruning now; pushed predicates and aggregates in later versions).
 *
 * @param table qualified table name, for plans and messages
 * @param tableColumns every column of the table, in table order
 * @param columns projected columns, as ordinals into {@code tableColumns}, in output order
 * @param files selected files (all files until partition pruning selects fewer)
 * @param totalFiles files in the table
 * @param totalBatches record batches in the table
 * @param predicate pushed predicate over table column ordinals (rows for which it is not TRUE are
 *     not returned), or null when nothing is pushed
 */
public record ScanSpec(
    String table,
    List<TableColumn> tableColumns,
    List<Integer> columns,
    List<TableFile> files,
    int totalFiles,
    int totalBatches,
    ScanPredicate predicate) {

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
  }

  /** A scan of every column and every file of a table. */
  public static ScanSpec full(String table, TableLayout layout) {
    return new ScanSpec(table, layout.columns(),
        IntStream.range(0, layout.columns().size()).boxed().toList(),
        layout.files(), layout.files().size(), layout.batches(), null);
  }

  public ScanSpec withColumns(List<Integer> newColumns) {
    return new ScanSpec(table, tableColumns, newColumns, files, totalFiles, totalBatches, predicate);
  }

  public ScanSpec withFiles(List<TableFile> newFiles) {
    return new ScanSpec(table, tableColumns, columns, newFiles, totalFiles, totalBatches, predicate);
  }

  /** This scan with another pushed predicate (null: none). */
  public ScanSpec withPredicate(ScanPredicate newPredicate) {
    return new ScanSpec(table, tableColumns, columns, files, totalFiles, totalBatches, newPredicate);
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
        + ", files=" + files.size() + "/" + totalFiles + ", batches=" + batches() + "/" + totalBatches;
  }
}
