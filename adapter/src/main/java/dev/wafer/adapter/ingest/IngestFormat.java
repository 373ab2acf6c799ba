package dev.wafer.adapter.ingest;

import java.util.Locale;

/** The input formats of {@code wafer ingest}, and the file names each reads from a directory. */
public enum IngestFormat {
  STDF(".stdf", ".std"),
  CSV(".csv", ".tsv", ".txt"),
  PARQUET(".parquet");

  private final String[] extensions;

  IngestFormat(String... extensions) {
    this.extensions = extensions;
  }

  /** Whether a (lower-case) file name is of this format, compressed or not. */
  public boolean accepts(String lowerName) {
    String n = lowerName.endsWith(".gz") ? lowerName.substring(0, lowerName.length() - 3)
        : lowerName.endsWith(".bz2") ? lowerName.substring(0, lowerName.length() - 4) : lowerName;
    for (String e : extensions) {
      if (n.endsWith(e)) {
        return this != PARQUET || n.equals(lowerName);
      }
    }
    return false;
  }

  /** The format of a file or directory name, or null when the name does not tell. */
  public static IngestFormat detect(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (IngestFormat f : values()) {
      if (f.accepts(lower)) {
        return f;
      }
    }
    return null;
  }

  public static IngestFormat parse(String text) {
    for (IngestFormat f : values()) {
      if (f.name().equalsIgnoreCase(text)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown input format '" + text + "'; valid: stdf, csv, parquet");
  }
}
