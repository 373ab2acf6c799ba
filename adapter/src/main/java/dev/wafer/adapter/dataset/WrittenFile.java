package dev.wafer.adapter.dataset;

import static java.util.Objects.requireNonNull;

/**
 * A data file produced by a write, as committed.
 *
 * @param relativePath path relative to the table directory ('/' separators)
 * @param partitionPath partition directory relative to the table ("" when unpartitioned)
 * @param rows rows in the file
 * @param bytes file size
 * @param batches record batches in the file
 */
public record WrittenFile(String relativePath, String partitionPath, long rows, long bytes, int batches) {
  public WrittenFile {
    requireNonNull(relativePath, "relativePath");
    requireNonNull(partitionPath, "partitionPath");
  }
}
