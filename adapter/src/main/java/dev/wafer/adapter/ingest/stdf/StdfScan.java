package dev.wafer.adapter.ingest.stdf;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.ingest.FileIngester;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * What a first, validating pass over one STDF file found: the file is well-formed, and these
 * are its parts, bins, wafer summaries and the number of result rows it will give.
 *
 * @param rows result rows (test_results) of the parts the file finishes
 * @param recordCounts records per type, by name ({@code PTR}) or {@code typ/sub} for records
 *     Wafer skips
 */
public record StdfScan(Path file, StdfRun run, List<StdfPart> parts, List<StdfBin> bins,
    List<StdfWafer> wafers, long rows, Map<String, Long> recordCounts)
    implements FileIngester.Scan {
  public StdfScan {
    requireNonNull(file, "file");
    requireNonNull(run, "run");
    parts = List.copyOf(parts);
    bins = List.copyOf(bins);
    wafers = List.copyOf(wafers);
    recordCounts = Map.copyOf(recordCounts);
  }

  /** STDF has no row-level errors to skip: a bad record fails the file. */
  @Override
  public long skippedRows() {
    return 0;
  }

  @Override
  public Schema schema() {
    return StdfSchemas.TEST_RESULTS;
  }
}
