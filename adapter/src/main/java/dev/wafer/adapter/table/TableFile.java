package dev.wafer.adapter.table;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.dataset.DataFile;
import dev.wafer.adapter.dataset.FileStats;
import java.util.List;
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
 */
public record TableFile(DataFile file, Schema schema, long rows, List<Long> batchRows, FileStats stats) {
  public TableFile {
    requireNonNull(file, "file");
    requireNonNull(schema, "schema");
    batchRows = List.copyOf(batchRows);
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
}
