package dev.wafer.functions.plugin;

import static java.util.Objects.requireNonNull;

import dev.wafer.functions.FunctionProvider;
import dev.wafer.functions.FunctionRegistry;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads function providers from the jars of a plugins directory (connection property
 * {@code plugins=DIR}). Each jar gets its own {@link URLClassLoader}, child of the loader that
 * holds the SPI, so two plugins never see each other's classes. Jars are read in name order;
 * a broken jar or function becomes a {@link PluginWarning} and the rest keep loading.
 *
 * <p>Keep the loader open while its functions are in use: closing it closes the jars, and
 * classes a function has not loaded yet can no longer be found.
 */
public final class PluginLoader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PluginLoader.class);

  private final Path directory;
  private final List<URLClassLoader> loaders = new ArrayList<>();

  public PluginLoader(Path directory) {
    this.directory = requireNonNull(directory, "directory is null");
  }

  /**
   * Returns {@code base} plus the functions of every plugin jar. A missing directory means no
   * plugins; a name already in {@code base} (a built-in) or in an earlier jar is reported and
   * the plugin's definition skipped.
   */
  public FunctionRegistry load(FunctionRegistry base) {
    requireNonNull(base, "base is null");
    FunctionRegistry.Builder builder = base.toBuilder();
    if (!Files.exists(directory)) {
      LOG.debug("No plugins directory {}", directory);
      return builder.build();
    }
    if (!Files.isDirectory(directory)) {
      return builder.warn(directory.toString(), "", "plugins path is not a directory").build();
    }
    List<Path> jars;
    try (Stream<Path> files = Files.list(directory)) {
      jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      return builder.warn(directory.toString(), "", "cannot list plugins directory: " + e).build();
    }
    for (Path jar : jars) {
      loadJar(jar, builder);
    }
    return builder.build();
  }

  private void loadJar(Path jar, FunctionRegistry.Builder builder) {
    URL url;
    try {
      url = jar.toUri().toURL();
    } catch (MalformedURLException e) {
      builder.warn(jar.toString(), "", "not a loadable path: " + e);
      return;
    }
    URLClassLoader loader = new URLClassLoader("wafer-plugin:" + jar.getFileName(), new URL[] {url},
        FunctionProvider.class.getClassLoader());
    loaders.add(loader);
    int before = builder.functionCount();
    int warningsBefore = builder.warningCount();
    builder.addServiceProviders(ServiceLoader.load(FunctionProvider.class, loader), jar.toString(), loader);
    if (builder.functionCount() == before && builder.warningCount() == warningsBefore) {
      builder.warn(jar.toString(), "", "jar declares no " + FunctionProvider.class.getName()
          + " in META-INF/services");
    }
    LOG.info("Plugin {}: {} functions", jar.getFileName(), builder.functionCount() - before);
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (URLClassLoader loader : loaders) {
      try {
        loader.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    loaders.clear();
    if (first != null) {
      throw first;
    }
  }
}
