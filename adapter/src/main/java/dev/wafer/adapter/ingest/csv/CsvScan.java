package dev.wafer.adapter.ingest.csv;

import dev.wafer.adapter.ingest.FileIngester;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/** What the first pass over a CSV file found: its columns, their types, its good and bad rows. */
public record CsvScan(Path file, long rows, long skippedRows, Schema schema, List<String> columns)
    implements FileIngester.Scan {
  public CsvScan {
    columns = List.copyOf(columns);
  }
}
