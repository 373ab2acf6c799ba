package dev.wafer.functions;

import static java.util.Objects.requireNonNull;

import dev.wafer.functions.plugin.PluginWarning;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The functions the engine can call, by SQL name or alias (case-insensitive), with where each
 * came from and the warnings met while loading them. Immutable; build one with
 * {@link #classpath()} and extend it with plugins through
 * {@link dev.wafer.functions.plugin.PluginLoader#load(FunctionRegistry)}.
 */
public final class FunctionRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(FunctionRegistry.class);

  /** A registered function: its metadata, the implementation and its source (jar or classpath). */
  public record Entry(FunctionMetadata metadata, Object function, String source) {
    public Entry {
      requireNonNull(metadata, "metadata is null");
      requireNonNull(function, "function is null");
      requireNonNull(source, "source is null");
    }
  }

  private final Map<String, Entry> byName;
  private final List<Entry> entries;
  private final List<PluginWarning> warnings;

  private FunctionRegistry(Map<String, Entry> byName, List<Entry> entries, List<PluginWarning> warnings) {
    this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(e -> e.metadata().name()));
    this.entries = List.copyOf(sorted);
    this.warnings = List.copyOf(warnings);
  }

  /** The functions of every provider on the classpath (the built-in library among them). */
  public static FunctionRegistry classpath() {
    Builder builder = new Builder();
    builder.addServiceProviders(ServiceLoader.load(FunctionProvider.class, FunctionRegistry.class.getClassLoader()),
        "classpath", null);
    return builder.build();
  }

  /** An empty builder, or one starting from this registry's functions and warnings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.byName.putAll(byName);
    b.entries.addAll(entries);
    b.warnings.addAll(warnings);
    return b;
  }

  /** All functions, sorted by name. */
  public List<FunctionMetadata> functions() {
    return entries.stream().map(Entry::metadata).toList();
  }

  /** All entries, sorted by name. */
  public List<Entry> entries() {
    return entries;
  }

  /** Warnings met while loading providers, in the order they were found. */
  public List<PluginWarning> warnings() {
    return warnings;
  }

  /** The function called {@code name} (or with that alias), of any kind. */
  public Optional<Entry> lookup(String name) {
    return Optional.ofNullable(byName.get(name.toUpperCase(Locale.ROOT)));
  }

  /** The aggregate called {@code name}, if there is one. */
  public Optional<AggregateFunction<?>> aggregate(String name) {
    return lookup(name).map(Entry::function)
        .filter(AggregateFunction.class::isInstance).map(f -> (AggregateFunction<?>) f);
  }

  /** The scalar function called {@code name}, if there is one. */
  public Optional<ScalarFunction> scalar(String name) {
    return lookup(name).map(Entry::function)
        .filter(ScalarFunction.class::isInstance).map(ScalarFunction.class::cast);
  }

  /** The running function called {@code name}, if there is one. */
  public Optional<RunningFunction> running(String name) {
    return lookup(name).map(Entry::function)
        .filter(RunningFunction.class::isInstance).map(RunningFunction.class::cast);
  }

  /**
   * Adds providers one function at a time. A provider that fails, or a function whose name is
   * taken, becomes a {@link PluginWarning}; everything else is kept.
   */
  public static final class Builder {
    private final Map<String, Entry> byName = new LinkedHashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private final List<PluginWarning> warnings = new ArrayList<>();

    /**
     * Instantiates every provider {@code loader} finds and adds it. A provider that cannot be
     * found or constructed becomes a warning naming {@code source}.
     *
     * @param onlyFrom when not null, providers whose class was defined by another class loader
     *     are skipped (a plugin jar's loader also sees the classpath's service files)
     */
    public Builder addServiceProviders(ServiceLoader<FunctionProvider> loader, String source, ClassLoader onlyFrom) {
      var it = loader.iterator();
      while (true) {
        FunctionProvider provider;
        try {
          if (!it.hasNext()) {
            break;
          }
          provider = it.next();
        } catch (ServiceConfigurationError | LinkageError e) {
          // ServiceLoader documents that iteration may go on to the next provider after an error.
          warn(source, "", "provider could not be loaded: " + describe(e));
          continue;
        }
        if (onlyFrom == null) {
          add(provider, source + " (" + safeName(provider) + ")");
        } else if (provider.getClass().getClassLoader() == onlyFrom) {
          add(provider, source);
        }
      }
      return this;
    }

    private static String safeName(FunctionProvider provider) {
      try {
        return provider.name();
      } catch (RuntimeException | LinkageError e) {
        return provider.getClass().getName();
      }
    }

    /** Adds every function of {@code provider}, labelled with {@code source}. */
    public Builder add(FunctionProvider provider, String source) {
      requireNonNull(provider, "provider is null");
      requireNonNull(source, "source is null");
      String providerName = provider.getClass().getName();
      List<Object> functions = new ArrayList<>();
      try {
        functions.addAll(provider.scalarFunctions());
        functions.addAll(provider.aggregateFunctions());
        functions.addAll(provider.runningFunctions());
      } catch (RuntimeException | LinkageError e) {
        warn(source, providerName, "provider failed to list its functions: " + describe(e));
        return this;
      }
      for (Object function : functions) {
        register(function, source, providerName);
      }
      return this;
    }

    private void register(Object function, String source, String providerName) {
      FunctionMetadata metadata;
      try {
        metadata = metadataOf(function);
      } catch (RuntimeException | LinkageError e) {
        warn(source, providerName, "function metadata failed: " + describe(e));
        return;
      }
      for (String name : metadata.allNames()) {
        Entry taken = byName.get(name);
        if (taken != null) {
          warn(source, metadata.name(), "function name " + name + " clashes with " + taken.metadata().name()
              + " from " + taken.source() + "; this definition is ignored");
          return;
        }
      }
      Entry entry = new Entry(metadata, function, source);
      entries.add(entry);
      for (String name : metadata.allNames()) {
        byName.put(name, entry);
      }
    }

    private static FunctionMetadata metadataOf(Object function) {
      if (function instanceof ScalarFunction s) {
        return requireNonNull(s.metadata(), "metadata() returned null");
      }
      if (function instanceof AggregateFunction<?> a) {
        return requireNonNull(a.metadata(), "metadata() returned null");
      }
      if (function instanceof RunningFunction r) {
        return requireNonNull(r.metadata(), "metadata() returned null");
      }
      throw new IllegalArgumentException("not a function: " + function);
    }

    /** Records a warning and logs it. */
    public Builder warn(String source, String function, String reason) {
      PluginWarning w = new PluginWarning(source, function, reason);
      LOG.warn("Function plugin problem: {}", w);
      warnings.add(w);
      return this;
    }

    /** Number of functions added so far. */
    public int functionCount() {
      return entries.size();
    }

    /** Number of warnings recorded so far. */
    public int warningCount() {
      return warnings.size();
    }

    public FunctionRegistry build() {
      return new FunctionRegistry(byName, entries, warnings);
    }

    private static String describe(Throwable e) {
      StringBuilder sb = new StringBuilder(e.toString());
      for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
        sb.append(" caused by ").append(c);
      }
      return sb.toString();
    }
  }
}
