package dev.wafer.adapter.predicate;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.dataset.ContainerStats;
import dev.wafer.adapter.table.TableColumn;
import dev.wafer.adapter.table.TableFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Pruning of a scan's files (at plan time) and record batches (at run time) by a pushed
 * predicate: partition values, derived partition keys, hash buckets and min/max statistics, all
 * through {@link RangePruner}, so a container is dropped only when no row in it can match.
 */
public final class ScanPruning {
  private ScanPruning() {}

  /** The files of {@code files} in which some row may satisfy the predicate, in order. */
  public static List<TableFile> keptFiles(ScanPredicate predicate, List<TableColumn> tableColumns,
      List<TableFile> files, PartitionHints hints) {
    requireNonNull(predicate, "predicate");
    List<TableFile> kept = new ArrayList<>();
    for (TableFile f : files) {
      ContainerStats stats = f.stats() == null ? null : f.stats().file();
      if (RangePruner.mayMatch(predicate, o -> ContainerRanges.of(tableColumns.get(o), f, stats, hints))) {
        kept.add(f);
      }
    }
    return kept;
  }

  /**
   * What the statistics of record batch {@code batch} say of one column, or
   * {@link ColumnRange#UNKNOWN} when the file has no batch statistics.
   */
  public static ColumnRange batchRange(TableColumn column, TableFile file, int batch) {
    if (file.stats() == null || batch >= file.stats().batches().size()) {
      return ColumnRange.UNKNOWN;
    }
    return ContainerRanges.of(column, file, file.stats().batches().get(batch), PartitionHints.NONE);
  }

  /** Whether some row of record batch {@code batch} of a file may satisfy the predicate. */
  public static boolean batchMayMatch(ScanPredicate predicate, List<TableColumn> tableColumns, TableFile file,
      int batch) {
    if (file.stats() == null) {
      return true;
    }
    ContainerStats stats = file.stats().batches().get(batch);
    return RangePruner.mayMatch(predicate,
        o -> ContainerRanges.of(tableColumns.get(o), file, stats, PartitionHints.NONE));
  }

  /**
   * Whether the statistics of record batch {@code batch} prove the predicate TRUE for every row
   * of it (never FALSE nor NULL): the batch may then be answered from statistics alone.
   */
  public static boolean batchAllMatch(ScanPredicate predicate, List<TableColumn> tableColumns, TableFile file,
      int batch) {
    if (file.stats() == null || batch >= file.stats().batches().size()) {
      return false;
    }
    ContainerStats stats = file.stats().batches().get(batch);
    return RangePruner.possible(predicate,
        o -> ContainerRanges.of(tableColumns.get(o), file, stats, PartitionHints.NONE)) == Tri.MAY_TRUE;
  }
}
