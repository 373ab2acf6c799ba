package dev.wafer.adapter.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * Opens an input file, decompressing gzip and bzip2 transparently. The compression is told by
 * the file's first bytes (gzip {@code 1f 8b}, bzip2 {@code BZh}), not its name, so a renamed
 * file still reads. Offsets in error messages count bytes of the decompressed stream.
 */
public final class CompressedInput {
  private static final int BUFFER = 1 << 16;

  private CompressedInput() {}

  /** A buffered stream of the file's (decompressed) bytes; the caller closes it. */
  public static InputStream open(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
    try {
      raw.mark(3);
      int b0 = raw.read();
      int b1 = raw.read();
      int b2 = raw.read();
      raw.reset();
      if (b0 == 0x1f && b1 == 0x8b) {
        return new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER);
      }
      if (b0 == 'B' && b1 == 'Z' && b2 == 'h') {
        return new BufferedInputStream(new BZip2CompressorInputStream(raw, true), BUFFER);
      }
      return raw;
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw IngestException.ofFile(file, "cannot open: " + e.getMessage(), e);
    }
  }

  /** The file name without a {@code .gz} or {@code .bz2} suffix (to tell its format). */
  public static String baseName(Path file) {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".gz")) {
      return name.substring(0, name.length() - 3);
    }
    if (lower.endsWith(".bz2")) {
      return name.substring(0, name.length() - 4);
    }
    return name;
  }
}
