package dev.wafer.adapter.dataset;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.arrow.FileVersion;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One data file of a table, as found in the directory tree.
 *
 * @param path absolute path
 * @param relativePath path relative to the table directory, with '/' separators
 * @param partitionValues raw (unescaped) directory values by key, outermost first; a null value
 *     is Hive's default partition
 * @param version size, modification time and file key when the file was listed: what caches of
 *     the file's footer and mapping check their entries against
 * @param format data file format
 */
public record DataFile(
    Path path, String relativePath, Map<String, String> partitionValues, FileVersion version, FileFormat format) {

  public DataFile {
    requireNonNull(path, "path");
    requireNonNull(relativePath, "relativePath");
    partitionValues = Collections.unmodifiableMap(new LinkedHashMap<>(partitionValues));
    requireNonNull(version, "version");
    requireNonNull(format, "format");
  }

  /** The file size when it was listed. */
  public long bytes() {
    return version.size();
  }

  /** The partition directory of this file relative to the table ("" when unpartitioned). */
  public String partitionPath() {
    int slash = relativePath.lastIndexOf('/');
    return slash < 0 ? "" : relativePath.substring(0, slash);
  }
}
