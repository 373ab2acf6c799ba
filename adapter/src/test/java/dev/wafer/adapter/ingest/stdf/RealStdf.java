package dev.wafer.adapter.ingest.stdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The real tester files of {@code shared/data/stdf} (see SOURCES.md there), read in place. */
final class RealStdf {
  static final List<String> FILES = List.of("lot2.stdf.gz", "lot3.stdf.gz", "a595.stdf.gz", "metis_test.std");

  private RealStdf() {}

  /** {@code shared/data/stdf} beside the repository (found from the working directory up). */
  static Path dir() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path d = p.resolve("shared/data/stdf");
      if (Files.isDirectory(d)) {
        return d;
      }
      Path sibling = p.resolveSibling("shared/data/stdf");
      if (p.getParent() != null && Files.isDirectory(sibling)) {
        return sibling;
      }
    }
    throw new IllegalStateException("shared/data/stdf not found above " + Path.of("").toAbsolutePath()
        + "; the real STDF test files live there (see SOURCES.md)");
  }

  static Path file(String name) {
    return dir().resolve(name);
  }

  /** The decompressed bytes of a file. */
  static byte[] bytes(String name) throws IOException {
    try (InputStream in = Files.newInputStream(file(name))) {
      return name.endsWith(".gz") ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
    }
  }
}
