package dev.wafer.adapter.dataset;

import dev.wafer.adapter.arrow.FileVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Lists the data files of a table directory: hive-style {@code key=value} directories, any depth,
 * in a stable (sorted) order. Entries whose names start with {@code _} or {@code .} are Wafer's or
 * other tools' bookkeeping (metadata, staging, {@code _SUCCESS}) and are never data.
 */
public final class TableFiles {
  private TableFiles() {}

  public static boolean isHidden(String name) {
    return name.startsWith("_") || name.startsWith(".");
  }

  /**
   * Lists data files under {@code tableDir}.
   *
   * @throws IOException naming the directory that could not be read, or a directory level that
   *     is not {@code key=value}
   */
  public static List<DataFile> list(Path tableDir) throws IOException {
    List<DataFile> out = new ArrayList<>();
    walk(tableDir, tableDir, new LinkedHashMap<>(), out);
    return out;
  }

  private static void walk(Path tableDir, Path dir, Map<String, String> values, List<DataFile> out)
      throws IOException {
    List<Path> children;
    try (Stream<Path> s = Files.list(dir)) {
      children = s.sorted().toList();
    }
    for (Path child : children) {
      String name = child.getFileName().toString();
      if (isHidden(name)) {
        continue;
      }
      // one stat per entry: whether it is a directory, and a file's version for the footer cache
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(child, BasicFileAttributes.class);
      } catch (IOException e) {
        throw new IOException(child + ": " + e.getMessage(), e);
      }
      if (attributes.isDirectory()) {
        int eq = name.indexOf('=');
        if (eq <= 0) {
          throw new IOException(child + ": directory is not a hive partition (expected key=value)");
        }
        Map<String, String> next = new LinkedHashMap<>(values);
        next.put(name.substring(0, eq), PartitionValues.unescape(name.substring(eq + 1)));
        walk(tableDir, child, next, out);
      } else {
        FileFormat format = FileFormat.ofFileName(name);
        if (format != null) {
          String rel = tableDir.relativize(child).toString().replace('\\', '/');
          out.add(new DataFile(child, rel, values, FileVersion.of(attributes), format));
        }
      }
    }
  }
}
