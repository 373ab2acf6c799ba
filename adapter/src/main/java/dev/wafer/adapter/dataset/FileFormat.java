package dev.wafer.adapter.dataset;

import java.util.Locale;

/** Data file formats of a Wafer table. */
public enum FileFormat {
  /** Arrow IPC file format (Feather v2), memory-mapped by the reader; Wafer's primary format. */
  ARROW(".arrow"),
  /** Parquet, read through Arrow Dataset; for data written by other engines, or by request. */
  PARQUET(".parquet");

  private final String extension;

  FileFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  /** The format of a file name, or null when it is not a data file. */
  public static FileFormat ofFileName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".arrow") || lower.endsWith(".feather") || lower.endsWith(".ipc")) {
      return ARROW;
    }
    if (lower.endsWith(".parquet")) {
      return PARQUET;
    }
    return null;
  }

  public static FileFormat parse(String text) {
    for (FileFormat f : values()) {
      if (f.name().equalsIgnoreCase(text)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + text + "'; valid: arrow, parquet");
  }
}
