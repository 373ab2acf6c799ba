package dev.wafer.adapter.table;

import java.util.List;

/**
 * What a table is made of: its columns (file columns in first-seen order, then partition columns
 * in directory order) and its files.
 *
 * @param columns SQL columns
 * @param files data files, in directory order
 */
public record TableLayout(List<TableColumn> columns, List<TableFile> files) {
  public TableLayout {
    columns = List.copyOf(columns);
    files = List.copyOf(files);
  }

  public long rows() {
    return files.stream().mapToLong(TableFile::rows).sum();
  }

  public int batches() {
    return files.stream().mapToInt(TableFile::batches).sum();
  }

  /** Index of a column by exact name, or -1. */
  public int indexOf(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
