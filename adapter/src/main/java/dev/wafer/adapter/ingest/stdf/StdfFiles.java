package dev.wafer.adapter.ingest.stdf;

import dev.wafer.adapter.ingest.CompressedInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Entry points for reading STDF files: a validating scan, and a result-row source. */
public final class StdfFiles {
  private StdfFiles() {}

  /**
   * Reads a whole file (plain, .gz or .bz2) without building result rows: checks every record,
   * and collects parts, bins, wafer summaries and record counts.
   *
   * @throws dev.wafer.adapter.ingest.IngestException naming the offset and record of bad input
   */
  public static StdfScan scan(Path file) throws IOException {
    StdfConverter converter = new StdfConverter(file, null);
    try (StdfReader reader = new StdfReader(file, CompressedInput.open(file))) {
      StdfRecord r;
      while ((r = reader.next()) != null) {
        converter.accept(r);
      }
      Map<String, Long> counts = new LinkedHashMap<>();
      for (int typ = 0; typ < 256; typ++) {
        for (int sub = 0; sub < 256; sub++) {
          long n = reader.count(typ, sub);
          if (n > 0) {
            StdfRecordType t = StdfRecordType.of(typ, sub);
            counts.put(t != null ? t.name() : typ + "/" + sub, n);
          }
        }
      }
      return new StdfScan(file, converter.run(), converter.parts(), converter.bins(),
          converter.wafers(), converter.rows(), counts);
    }
  }
}
