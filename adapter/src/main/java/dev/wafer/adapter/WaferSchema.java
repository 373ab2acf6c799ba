package dev.wafer.adapter;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.dataset.TableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * A Wafer dataset root as a Calcite schema: one {@link WaferTable} per sub-directory (names
 * starting with {@code _} or {@code .} are not tables). Tables are listed once, when the schema is
 * first asked for them; each table reads its files on first use.
 */
public final class WaferSchema extends AbstractSchema {
  private final WaferOptions options;
  private volatile Map<String, Table> tables;

  public WaferSchema(WaferOptions options) {
    this.options = requireNonNull(options, "options");
    if (!Files.isDirectory(options.directory())) {
      throw new IllegalArgumentException("Wafer dataset root " + options.directory()
          + " does not exist or is not a directory");
    }
  }

  public WaferOptions options() {
    return options;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    Map<String, Table> t = tables;
    if (t == null) {
      synchronized (this) {
        if (tables == null) {
          tables = listTables();
        }
        t = tables;
      }
    }
    return t;
  }

  /** The tables of this schema by name, in name order. */
  public Map<String, WaferTable> waferTables() {
    Map<String, WaferTable> out = new LinkedHashMap<>();
    getTableMap().forEach((name, table) -> out.put(name, (WaferTable) table));
    return out;
  }

  private Map<String, Table> listTables() {
    Map<String, Table> out = new LinkedHashMap<>();
    try (Stream<Path> s = Files.list(options.directory())) {
      for (Path dir : s.sorted().toList()) {
        String name = dir.getFileName().toString();
        if (Files.isDirectory(dir) && !TableFiles.isHidden(name)) {
          out.put(name, new WaferTable(name, dir, options));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(options.directory() + ": cannot list tables: " + e.getMessage(), e);
    }
    return out;
  }
}
