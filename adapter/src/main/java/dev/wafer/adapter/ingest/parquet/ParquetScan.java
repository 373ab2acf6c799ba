package dev.wafer.adapter.ingest.parquet;

import dev.wafer.adapter.ingest.FileIngester;
import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * What the first pass over a Parquet file found.
 *
 * @param schema the file's columns (dictionary columns as their value type) followed by the
 *     hive partition columns of its directories
 * @param partitions {@code key=value} directory segments of the file's path, outermost first;
 *     a value {@code __HIVE_DEFAULT_PARTITION__} is NULL
 */
public record ParquetScan(Path file, long rows, Schema schema, Map<String, String> partitions)
    implements FileIngester.Scan {
  public ParquetScan {
    partitions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(partitions));
  }

  @Override
  public long skippedRows() {
    return 0;
  }
}
