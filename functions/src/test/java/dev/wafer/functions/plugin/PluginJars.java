package dev.wafer.functions.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds plugin jars for tests: compiles Java sources against the test classpath with
 * {@link ToolProvider#getSystemJavaCompiler()} and packs the classes with a
 * {@code META-INF/services} file, as a plugin author's build would.
 */
final class PluginJars {
  private PluginJars() {}

  /**
   * @param sources class name → source text
   * @param providers the lines of the service file (provider class names); empty for none
   */
  static Path build(Path workDir, String jarName, Map<String, String> sources, List<String> providers)
      throws IOException {
    Path src = Files.createDirectories(workDir.resolve(jarName + "-src"));
    Path classes = Files.createDirectories(workDir.resolve(jarName + "-classes"));
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", testClasspath(),
        "--release", "17", "-proc:none"));
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue());
      args.add(file.toString());
    }
    if (!sources.isEmpty()) {
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      int rc = javac.run(null, null, null, args.toArray(String[]::new));
      if (rc != 0) {
        throw new IllegalStateException("plugin sources of " + jarName + " did not compile (javac exit " + rc + ")");
      }
    }
    Path jar = workDir.resolve("plugins").resolve(jarName);
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        jos.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        jos.write(Files.readAllBytes(f));
        jos.closeEntry();
      }
      if (!providers.isEmpty()) {
        jos.putNextEntry(new JarEntry("META-INF/services/dev.wafer.functions.FunctionProvider"));
        jos.write((String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
        jos.closeEntry();
      }
    }
    return jar;
  }

  private static String testClasspath() {
    // Surefire may launch through a manifest-only jar; it publishes the real classpath here.
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }
}
