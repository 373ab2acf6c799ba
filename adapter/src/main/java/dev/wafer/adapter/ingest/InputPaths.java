package dev.wafer.adapter.ingest;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Expands the {@code --from} arguments of an ingest into files: a file stands for itself, a
 * directory for the files below it with an extension of the format, a glob ({@code *}, {@code
 * ?}, {@code [..]}, {@code {a,b}}; {@code **} crosses directories) for the files it matches.
 * The result is sorted within each argument and free of duplicates.
 */
public final class InputPaths {
  private InputPaths() {}

  /**
   * @param accepts which file names a directory contributes (e.g. {@code *.stdf.gz})
   * @throws IOException naming an argument that matches nothing
   */
  public static List<Path> expand(List<String> args, Predicate<String> accepts) throws IOException {
    Set<Path> out = new LinkedHashSet<>();
    for (String arg : args) {
      List<Path> found = new ArrayList<>();
      if (isGlob(arg)) {
        Path base = globBase(arg);
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + arg);
        if (Files.isDirectory(base)) {
          try (Stream<Path> s = Files.walk(base)) {
            s.filter(Files::isRegularFile).filter(m::matches).sorted().forEach(found::add);
          }
        }
      } else {
        Path p = Path.of(arg);
        if (Files.isDirectory(p)) {
          try (Stream<Path> s = Files.walk(p)) {
            s.filter(Files::isRegularFile)
                .filter(f -> accepts.test(f.getFileName().toString().toLowerCase(Locale.ROOT)))
                .sorted().forEach(found::add);
          }
        } else if (Files.isRegularFile(p)) {
          found.add(p);
        } else {
          throw new IOException("no such file or directory: " + arg);
        }
      }
      if (found.isEmpty()) {
        throw new IOException("'" + arg + "' matches no input files");
      }
      out.addAll(found);
    }
    return List.copyOf(out);
  }

  private static boolean isGlob(String s) {
    return s.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  /** The directory part of a glob before its first wildcard. */
  private static Path globBase(String glob) {
    int cut = glob.length();
    for (char c : new char[] {'*', '?', '[', '{'}) {
      int i = glob.indexOf(c);
      if (i >= 0) {
        cut = Math.min(cut, i);
      }
    }
    int slash = glob.lastIndexOf('/', cut);
    return slash < 0 ? Path.of(".") : Path.of(slash == 0 ? "/" : glob.substring(0, slash));
  }
}
