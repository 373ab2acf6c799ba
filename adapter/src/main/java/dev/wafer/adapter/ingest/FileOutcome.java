package dev.wafer.adapter.ingest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * How one input file fared.
 *
 * @param rows rows ingested (0 when it failed)
 * @param skippedRows bad rows dropped under {@code --on-error skip}
 * @param error why the file was not ingested, or null
 */
public record FileOutcome(Path file, long rows, long skippedRows, IngestException error) {
  public FileOutcome {
    requireNonNull(file, "file");
  }

  public boolean ok() {
    return error == null;
  }
}
