package dev.wafer.adapter.dataset;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a committed write produced.
 *
 * @param table table name
 * @param files files added, in the order they were finished
 */
public record WriteResult(String table, List<WrittenFile> files) {
  public WriteResult {
    requireNonNull(table, "table");
    files = List.copyOf(files);
  }

  public long rows() {
    return files.stream().mapToLong(WrittenFile::rows).sum();
  }

  public long bytes() {
    return files.stream().mapToLong(WrittenFile::bytes).sum();
  }
}
