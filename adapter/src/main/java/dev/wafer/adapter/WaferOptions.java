package dev.wafer.adapter;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of one Wafer schema, from the schema operand (model.json) or the JDBC URL properties.
 *
 * @param directory dataset root; each sub-directory is a table
 * @param threads scan worker threads per query (default: available processors)
 * @param rulesEnabled whether Wafer's pushdown rules are registered ({@code rules=off} disables
 *     them, to compare plans and results)
 * @param maxMapBytes largest single memory mapping; larger files are mapped batch by batch
 * @param maxQueryMemory bytes one query's aggregation state may hold ({@value #MAX_QUERY_MEMORY};
 *     default a quarter of the heap); passing it fails the query with an error naming the limit
 */
public record WaferOptions(Path directory, int threads, boolean rulesEnabled, long maxMapBytes, long maxQueryMemory) {

  public static final String DIRECTORY = "directory";
  public static final String THREADS = "threads";
  public static final String RULES = "rules";
  public static final String MAX_QUERY_MEMORY = "maxQueryMemory";
  public static final String MAX_MAP_BYTES = "maxMapBytes";

  public WaferOptions {
    requireNonNull(directory, "directory");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (maxMapBytes < 1 || maxMapBytes > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("maxMapBytes must be in [1, 2^31-1], got " + maxMapBytes);
    }
    if (maxQueryMemory < 1) {
      throw new IllegalArgumentException(MAX_QUERY_MEMORY + " must be positive, got " + maxQueryMemory);
    }
  }

  /** Options with the default query memory limit. */
  public WaferOptions(Path directory, int threads, boolean rulesEnabled, long maxMapBytes) {
    this(directory, threads, rulesEnabled, maxMapBytes, Runtime.getRuntime().maxMemory() / 4);
  }

  public static WaferOptions defaults(Path directory) {
    return new WaferOptions(directory, Runtime.getRuntime().availableProcessors(), true, Integer.MAX_VALUE);
  }

  /**
   * Reads options from a schema operand; keys {@code directory} (required), {@code threads},
   * {@code rules} (on/off), {@code maxMapBytes} and {@code maxQueryMemory} (bytes, or with a k/m/g
   * suffix).
   *
   * @throws IllegalArgumentException naming the bad key and value
   */
  public static WaferOptions fromOperand(Map<String, ?> operand) {
    Object dir = operand.get(DIRECTORY);
    if (dir == null || dir.toString().isBlank()) {
      throw new IllegalArgumentException("Wafer schema needs operand '" + DIRECTORY + "' (the dataset root)");
    }
    WaferOptions d = defaults(Path.of(dir.toString()));
    return new WaferOptions(d.directory(),
        (int) number(operand, THREADS, d.threads()),
        flag(operand, RULES, d.rulesEnabled()),
        number(operand, MAX_MAP_BYTES, d.maxMapBytes()),
        number(operand, MAX_QUERY_MEMORY, d.maxQueryMemory()));
  }

  private static long number(Map<String, ?> operand, String key, long dflt) {
    Object v = operand.get(key);
    if (v == null) {
      return dflt;
    }
    try {
      if (v instanceof Number n) {
        return n.longValue();
      }
      return parseSize(v.toString());
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("option " + key + "=" + v + " is not a number", e);
    }
  }

  /**
   * A byte count, optionally with a binary suffix: {@code 65536}, {@code 64k}, {@code 512m}, {@code 2g}.
   *
   * @throws NumberFormatException when it is not one
   * @throws ArithmeticException when it overflows a long
   */
  public static long parseSize(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    int shift = t.endsWith("k") ? 10 : t.endsWith("m") ? 20 : t.endsWith("g") ? 30 : 0;
    return Math.multiplyExact(Long.parseLong(shift == 0 ? t : t.substring(0, t.length() - 1)), 1L << shift);
  }

  private static boolean flag(Map<String, ?> operand, String key, boolean dflt) {
    Object v = operand.get(key);
    if (v == null) {
      return dflt;
    }
    switch (v.toString().trim().toLowerCase(Locale.ROOT)) {
      case "on": case "true": case "yes": return true;
      case "off": case "false": case "no": return false;
      default: throw new IllegalArgumentException("option " + key + "=" + v + "; valid: on, off");
    }
  }
}
