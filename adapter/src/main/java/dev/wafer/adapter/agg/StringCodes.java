package dev.wafer.adapter.agg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Query-wide codes for strings, so that group keys from different files (each with its own
 * dictionary) and different workers compare as numbers. Dictionary columns are coded once per
 * dictionary entry, not per row; plain string columns (e.g. from Parquet) are coded per row,
 * the slow path. Thread-safe; a string already coded is looked up without a lock, since every
 * worker asks for every key of every file it reads (a lock there made two workers slower than one).
 */
public final class StringCodes {
  private final Map<String, Integer> codes = new ConcurrentHashMap<>();
  private final List<String> strings = new ArrayList<>();

  /** The code of a string, assigning the next one on first sight. */
  public int code(String s) {
    Integer c = codes.get(s);
    if (c != null) {
      return c;
    }
    synchronized (this) {
      c = codes.get(s);
      if (c == null) {
        c = strings.size();
        strings.add(s);
        codes.put(s, c);
      }
      return c;
    }
  }

  /** The code of a string, or -1 when no row has had it. */
  public int existing(String s) {
    if (s == null) {
      return -1;
    }
    Integer c = codes.get(s);
    return c == null ? -1 : c;
  }

  public synchronized String string(long code) {
    return strings.get((int) code);
  }

  /** Codes for every entry of a dictionary (null entries get -1). */
  public int[] codes(String[] dictionary) {
    int[] out = new int[dictionary.length];
    for (int i = 0; i < dictionary.length; i++) {
      out[i] = dictionary[i] == null ? -1 : code(dictionary[i]);
    }
    return out;
  }
}
