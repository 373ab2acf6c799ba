package dev.wafer.adapter.ingest.csv;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.ingest.OnError;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How CSV files are read.
 *
 * @param types column types that override inference, by column name
 * @param onError what a row with the wrong number of fields or an unparsable value does
 */
public record CsvOptions(Charset encoding, char delimiter, Map<String, CsvType> types, OnError onError) {
  public CsvOptions {
    requireNonNull(encoding, "encoding");
    types = Map.copyOf(requireNonNull(types, "types"));
    requireNonNull(onError, "onError");
  }

  public static CsvOptions defaults() {
    return new CsvOptions(StandardCharsets.UTF_8, ',', Map.of(), OnError.FAIL);
  }

  /**
   * From the command line's words.
   *
   * @param schema {@code name:TYPE,name:TYPE}, or null
   * @throws IllegalArgumentException naming what is wrong
   */
  public static CsvOptions parse(String encoding, String schema, String onError, char delimiter) {
    Charset cs;
    try {
      cs = Charset.forName(encoding);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown encoding '" + encoding + "'");
    }
    Map<String, CsvType> types = new LinkedHashMap<>();
    if (schema != null && !schema.isBlank()) {
      for (String part : schema.split(",")) {
        int colon = part.indexOf(':');
        if (colon <= 0) {
          throw new IllegalArgumentException("--schema: '" + part.trim() + "' is not name:TYPE");
        }
        types.put(part.substring(0, colon).trim(), CsvType.parse(part.substring(colon + 1)));
      }
    }
    return new CsvOptions(cs, delimiter, types, OnError.parse(onError));
  }
}
