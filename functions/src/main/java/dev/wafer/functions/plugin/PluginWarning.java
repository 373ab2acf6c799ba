package dev.wafer.functions.plugin;

import static java.util.Objects.requireNonNull;

/**
 * A problem found while loading function providers; the engine logs it and keeps serving every
 * function that did load.
 *
 * @param source where the provider came from: a jar path, or {@code classpath}
 * @param function the SQL function or provider class concerned, or empty when unknown
 * @param reason what went wrong, including the cause's message
 */
public record PluginWarning(String source, String function, String reason) {
  public PluginWarning {
    requireNonNull(source, "source is null");
    requireNonNull(function, "function is null");
    requireNonNull(reason, "reason is null");
  }

  @Override
  public String toString() {
    return source + (function.isEmpty() ? "" : " [" + function + "]") + ": " + reason;
  }
}
