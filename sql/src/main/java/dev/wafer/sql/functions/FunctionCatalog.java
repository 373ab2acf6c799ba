package dev.wafer.sql.functions;

import static java.util.Objects.requireNonNull;

import dev.wafer.functions.AggregateFunction;
import dev.wafer.functions.FunctionMetadata;
import dev.wafer.functions.FunctionRegistry;
import dev.wafer.functions.RunningFunction;
import dev.wafer.functions.ScalarFunction;
import dev.wafer.functions.Signature;
import dev.wafer.functions.plugin.PluginLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.SchemaPlus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL functions of a connection: the classpath's providers (the built-in library) plus the
 * jars of a plugins directory, as Calcite schema functions, one per name and signature.
 *
 * <p>Catalogs are cached per JVM by the plugins directory's content (jar names, sizes and
 * modification times): each connection to the same dataset shares the loaded classes and the
 * {@link FunctionHandles}, and a changed jar is loaded afresh by the next connection. The
 * plugin class loaders stay open for the JVM's lifetime, since compiled queries may still call
 * into them.
 */
public final class FunctionCatalog {
  private static final Logger LOG = LoggerFactory.getLogger(FunctionCatalog.class);
  private static final Map<String, FunctionCatalog> CACHE = new ConcurrentHashMap<>();

  /** A Calcite function under the SQL name it is registered as. */
  private record Named(String name, Function function) {}

  private final FunctionRegistry registry;
  private final List<Named> functions;

  private FunctionCatalog(FunctionRegistry registry) {
    this.registry = registry;
    List<Named> list = new ArrayList<>();
    for (FunctionRegistry.Entry entry : registry.entries()) {
      FunctionMetadata md = entry.metadata();
      for (String name : md.allNames()) {
        for (Signature signature : md.signatures()) {
          list.add(new Named(name, calciteFunction(name, signature, entry.function())));
        }
      }
    }
    this.functions = List.copyOf(list);
  }

  private static Function calciteFunction(String name, Signature signature, Object function) {
    if (function instanceof AggregateFunction<?> a) {
      return new WaferAggregateFunction(name, signature, a);
    }
    if (function instanceof RunningFunction r) {
      return new WaferAggregateFunction(name, signature, r);
    }
    return new WaferScalarFunction(name, signature, (ScalarFunction) function);
  }

  /** The classpath's functions alone. */
  public static FunctionCatalog classpath() {
    return CACHE.computeIfAbsent("", k -> new FunctionCatalog(FunctionRegistry.classpath()));
  }

  /**
   * The classpath's functions plus the plugins in {@code pluginsDirectory} (null or missing: none).
   * Broken plugins are {@link FunctionRegistry#warnings() warnings}, logged when first loaded.
   */
  public static FunctionCatalog load(Path pluginsDirectory) {
    if (pluginsDirectory == null || !Files.exists(pluginsDirectory)) {
      return classpath();
    }
    String key = fingerprint(pluginsDirectory.toAbsolutePath().normalize());
    if (key == null) {
      return withPlugins(pluginsDirectory);
    }
    return CACHE.computeIfAbsent(key, k -> withPlugins(pluginsDirectory));
  }

  private static FunctionCatalog withPlugins(Path pluginsDirectory) {
    @SuppressWarnings("resource") // see the class comment: plugin classes live as long as the JVM
    PluginLoader loader = new PluginLoader(pluginsDirectory);
    FunctionCatalog catalog = new FunctionCatalog(loader.load(classpath().registry));
    LOG.info("Loaded {} SQL functions with plugins from {} ({} warnings)",
        catalog.registry.entries().size(), pluginsDirectory, catalog.registry.warnings().size());
    return catalog;
  }

  /** The directory and each jar's name, size and modification time; null when it cannot be listed. */
  private static String fingerprint(Path dir) {
    StringBuilder key = new StringBuilder(dir.toString());
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
        key.append('|').append(f.getFileName()).append(':').append(Files.size(f)).append(':')
            .append(Files.getLastModifiedTime(f).toMillis());
      }
    } catch (IOException e) {
      return null; // not cacheable by content; the loader reports the problem as a warning
    }
    return key.toString();
  }

  public FunctionRegistry registry() {
    return registry;
  }

  /**
   * Adds every function to {@code schema} under each of its names, except names of Calcite's
   * standard operators (APPROX_COUNT_DISTINCT): Calcite's validator resolves those to its own
   * operator, and meeting both fails inside its overload resolution. Calcite's version serves SQL
   * there (for APPROX_COUNT_DISTINCT an exact count, within any sketch's error).
   */
  public void register(SchemaPlus schema) {
    requireNonNull(schema, "schema is null");
    for (Named f : functions) {
      if (!STANDARD_NAMES.contains(f.name())) {
        schema.add(f.name(), f.function());
      }
    }
  }

  /** Names of Calcite's standard operator table, upper case. */
  private static final java.util.Set<String> STANDARD_NAMES =
      org.apache.calcite.sql.fun.SqlStdOperatorTable.instance().getOperatorList().stream()
          .map(op -> op.getName().toUpperCase(java.util.Locale.ROOT))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());
}
