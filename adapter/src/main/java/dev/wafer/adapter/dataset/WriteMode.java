package dev.wafer.adapter.dataset;

/** What a write does when the table already exists. */
public enum WriteMode {
  /** Create the table; fail if it already holds data. */
  CREATE,
  /** Add files to the table (same schema and partitioning), or create it. */
  APPEND,
  /** Replace the table's contents atomically, or create it. */
  OVERWRITE;

  public static WriteMode parse(String text) {
    for (WriteMode m : values()) {
      if (m.name().equalsIgnoreCase(text)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown mode '" + text + "'; valid: create, append, overwrite");
  }
}
