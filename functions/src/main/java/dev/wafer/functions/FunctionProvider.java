package dev.wafer.functions;

import java.util.List;

/**
 * The plugin SPI: a source of SQL functions, found by {@link java.util.ServiceLoader} on the
 * classpath and in the jars of a plugins directory (see
 * {@link dev.wafer.functions.plugin.PluginLoader}). A jar registers its provider in
 * {@code META-INF/services/dev.wafer.functions.FunctionProvider}. Implementations need a public
 * no-argument constructor; the function objects they return must be thread-safe.
 */
public interface FunctionProvider {
  /** A short name for messages, e.g. the plugin's name; defaults to the class name. */
  default String name() {
    return getClass().getName();
  }

  /** Scalar functions this provider contributes. */
  default List<ScalarFunction> scalarFunctions() {
    return List.of();
  }

  /** Aggregate functions this provider contributes. */
  default List<AggregateFunction<?>> aggregateFunctions() {
    return List.of();
  }

  /** Running (ordered window) functions this provider contributes. */
  default List<RunningFunction> runningFunctions() {
    return List.of();
  }
}
