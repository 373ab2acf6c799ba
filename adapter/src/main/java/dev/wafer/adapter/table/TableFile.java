package dev.wafer.adapter.table;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.dataset.DataFile;
import dev.wafer.adapter.dataset.FileStats;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One data file of a table as the planner and the scan see it: its schema, row counts and (for
 * files Wafer wrote) statistics, which later pruning uses to skip files and batches.
 *
 * @param file location, partition values, size and format
 * @param schema Arrow schema of the file (IPC form)
 * @param rows number of rows
 * @param batchRows rows per record batch, in file order (Parquet: one entry, the whole file)
 * @param stats Wafer's stored statistics, or null when the file carries none
 * @param fieldsByName index of the first field of each name in {@code schema} ({@link
 *     #indexFields}): planning and every query resolve each column of each file through it
 */
public record TableFile(DataFile file, Schema schema, long rows, List<Long> batchRows, FileStats stats,
    Map<String, Integer> fieldsByName) {
  public TableFile {
    requireNonNull(file, "file");
    requireNonNull(schema, "schema");
    batchRows = List.copyOf(batchRows);
    requireNonNull(fieldsByName, "fieldsByName");
  }

  public TableFile(DataFile file, Schema schema, long rows, List<Long> batchRows, FileStats stats) {
    this(file, schema, rows, batchRows, stats, indexFields(schema));
  }

  /** The position of the first field of each name in {@code schema}. */
  public static Map<String, Integer> indexFields(Schema schema) {
    Map<String, Integer> index = new HashMap<>();
    List<Field> fields = schema.getFields();
    for (int f = 0; f < fields.size(); f++) {
      index.putIfAbsent(fields.get(f).getName(), f);
    }
    return Collections.unmodifiableMap(index);
  }

  /**
   * The index of the file field a scan reads for {@code column}: the first of its name and kind,
   * or -1 when the file has none (the column is then a partition value, or NULL).
   */
  public int fieldIndex(TableColumn column) {
    Integer first = fieldsByName.get(column.name());
    if (first == null) {
      return -1;
    }
    List<Field> fields = schema.getFields();
    for (int f = first; f < fields.size(); f++) { // a later field of the same name: rare
      Field field = fields.get(f);
      if (field.getName().equals(column.name()) && ColumnKind.of(field) == column.kind()) {
        return f;
      }
    }
    return -1;
  }

  public int batches() {
    return batchRows.size();
  }

  /**
   * A hash of the path and row count only, consistent with the record's equality: the default
   * one walks the schema and every batch's statistics, and a scan specification (hashed once or
   * twice per query as a key of {@code QueryScalars}) holds every file of its table.
   */
  @Override
  public int hashCode() {
    return 31 * file.path().hashCode() + Long.hashCode(rows);
  }

  /** The number of distinct partition directories of {@code files}. */
  public static int partitionCount(List<TableFile> files) {
    return (int) files.stream().map(f -> f.file().partitionPath()).distinct().count();
  }
}
