package dev.wafer.adapter.ingest;

/** What a row-level error (wrong field count, unparsable value) does to its file. */
public enum OnError {
  /** The row is dropped and counted; the rest of the file is ingested. */
  SKIP,
  /** The file fails (and is reported); other files go on. */
  FAIL;

  public static OnError parse(String text) {
    for (OnError e : values()) {
      if (e.name().equalsIgnoreCase(text)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown --on-error '" + text + "'; valid: skip, fail");
  }
}
