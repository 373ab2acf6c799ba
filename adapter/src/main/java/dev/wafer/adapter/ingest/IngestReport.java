package dev.wafer.adapter.ingest;

import dev.wafer.adapter.dataset.WriteResult;
import java.util.List;
import java.util.Map;

/**
 * The result of an ingest: every input file's outcome (in input order) and what was written per
 * table (empty when no file was good).
 */
public record IngestReport(List<FileOutcome> files, Map<String, WriteResult> tables) {
  public IngestReport {
    files = List.copyOf(files);
    tables = Map.copyOf(tables);
  }

  public List<FileOutcome> failures() {
    return files.stream().filter(f -> !f.ok()).toList();
  }

  public long rows() {
    return files.stream().mapToLong(FileOutcome::rows).sum();
  }

  public long skippedRows() {
    return files.stream().mapToLong(FileOutcome::skippedRows).sum();
  }
}
