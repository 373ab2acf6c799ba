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
 */
public record WaferOptions(Path directory, int threads, boolean rulesEnabled, long maxMapBytes) {

  public static final String DIRECTORY = "directory";
  public static final String THREADS = "threads";
  public static final String RULES = "rules";

  public WaferOptions {
    requireNonNull(directory, "directory");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (maxMapBytes < 1 || maxMapBytes > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("maxMapBytes must be in [1, 2^31-1], got " + maxMapBytes);
    }
  }

  public static WaferOptions defaults(Path directory) {
    return new WaferOptions(directory, Runtime.getRuntime().availableProcessors(), true, Integer.MAX_VALUE);
  }

  /**
   * Reads options from a schema operand; keys {@code directory} (required), {@code threads},
   * {@code rules} (on/off) and {@code maxMapBytes}.
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
        number(operand, "maxMapBytes", d.maxMapBytes()));
  }

  private static long number(Map<String, ?> operand, String key, long dflt) {
    Object v = operand.get(key);
    if (v == null) {
      return dflt;
    }
    try {
      return v instanceof Number n ? n.longValue() : Long.parseLong(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option " + key + "=" + v + " is not a number", e);
    }
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
