package dev.wafer.adapter.agg;

import com.google.common.collect.MapMaker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Codes for strings, so that group keys from different files (each with its own dictionary) and
 * different workers compare as numbers. Dictionary columns are coded once per dictionary entry,
 * not per row; plain string columns (e.g. from Parquet) are coded per row, the slow path.
 *
 * <p>One code space is shared by the queries of the process ({@link #shared}), and the codes of a
 * dictionary are kept as long as the dictionary is (dictionaries live in the mapped-file cache
 * between queries): without that, every query hashed every entry of every file's dictionary again,
 * 1.2 million lookups for a 10,000-value column over 116 files, half of a GROUP BY's time. The
 * shared space is replaced by a fresh one once it holds {@link #MAX_SHARED} strings; queries that
 * started with the old one keep using it.
 *
 * <p>Thread-safe; a string already coded is looked up without a lock, since every worker asks for
 * every key of every file it reads (a lock there made two workers slower than one).
 */
public final class StringCodes {
  /** Strings the shared code space may hold before a new one is started. */
  static final int MAX_SHARED = 1 << 22;

  private static StringCodes shared = new StringCodes();

  private final Map<String, Integer> codes = new ConcurrentHashMap<>();
  private final List<String> strings = new ArrayList<>();
  private final ConcurrentMap<String[], int[]> dictionaries = new MapMaker().weakKeys().makeMap();

  /** The process's shared code space, for one query. */
  public static StringCodes shared() {
    return shared(MAX_SHARED);
  }

  /** {@link #shared()} with another bound, for tests. */
  static synchronized StringCodes shared(int maxStrings) {
    if (shared.size() >= maxStrings) {
      shared = new StringCodes();
    }
    return shared;
  }

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

  /** The code of a string, or -1 when it has none yet (no row coded so far had it). */
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

  /** Strings coded so far. */
  public synchronized int size() {
    return strings.size();
  }

  /**
   * Codes for every entry of a dictionary (null entries get -1), computed once per dictionary
   * instance (identity, held weakly); callers must not modify the array.
   */
  public int[] codes(String[] dictionary) {
    int[] known = dictionaries.get(dictionary);
    if (known != null) {
      return known;
    }
    int[] out = new int[dictionary.length];
    for (int i = 0; i < dictionary.length; i++) {
      out[i] = dictionary[i] == null ? -1 : code(dictionary[i]);
    }
    dictionaries.putIfAbsent(dictionary, out);
    return out;
  }
}
