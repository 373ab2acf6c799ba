package dev.wafer.adapter.exec;

import dev.wafer.adapter.table.PartitionTypes;
import dev.wafer.adapter.table.TableColumn;
import dev.wafer.adapter.table.TableFile;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * How the columns of a scan come out of one file: read from a file field, or a constant (the
 * hive partition value of the file's directory, or NULL for a column the file lacks). The first
 * {@link #columnCount()} columns are output; any after them are read only by the pushed predicate.
 */
final class FilePlan {
  final TableFile file;
  /** The scan columns. */
  final List<TableColumn> columns;
  /** Per scan column: the file field index, or -1 when the value is {@link #constants}. */
  final int[] fileField;
  final Object[] constants;
  /** Distinct file fields to load, ascending. */
  final int[] loadFields;
  /** Names of {@link #loadFields}, for readers that project by name. */
  final String[] loadNames;

  /** Output columns, a prefix of the scan columns. */
  private final int outputs;

  /**
   * @param columns scan columns: output columns, then columns only the predicate reads
   * @param outputs number of output columns
   */
  FilePlan(TableFile file, List<TableColumn> columns, int outputs) {
    this.file = file;
    this.columns = List.copyOf(columns);
    this.outputs = outputs;
    int n = columns.size();
    fileField = new int[n];
    constants = new Object[n];
    List<Field> fields = file.schema().getFields();
    boolean[] load = new boolean[fields.size()];
    int loads = 0;
    for (int c = 0; c < n; c++) {
      TableColumn column = columns.get(c);
      int f = file.fieldIndex(column);
      fileField[c] = f;
      if (f >= 0) {
        loads += load[f] ? 0 : 1;
        load[f] = true;
      }
      if (fileField[c] < 0 && file.file().partitionValues().containsKey(column.name())) {
        constants[c] = partitionValue(file, column);
      }
    }
    loadFields = new int[loads];
    loadNames = new String[loads];
    for (int f = 0, k = 0; f < load.length; f++) {
      if (load[f]) {
        loadFields[k] = f;
        loadNames[k++] = fields.get(f).getName();
      }
    }
  }

  private static Object partitionValue(TableFile file, TableColumn column) {
    String raw = file.file().partitionValues().get(column.name());
    try {
      return PartitionTypes.convert(raw, column.kind());
    } catch (IllegalArgumentException e) {
      throw new ScanException(file.file().path() + ": partition value of " + column.name()
          + " is not " + column.sqlTypeText() + ": " + e.getMessage(), ScanException.DATA_CORRUPTED, e);
    }
  }

  /** Number of output columns. */
  int columnCount() {
    return outputs;
  }
}
