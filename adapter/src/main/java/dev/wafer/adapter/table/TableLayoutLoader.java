package dev.wafer.adapter.table;

import dev.wafer.adapter.arrow.ArrowFileMeta;
import dev.wafer.adapter.arrow.ArrowFooterReader;
import dev.wafer.adapter.arrow.ParquetScan;
import dev.wafer.adapter.dataset.DataFile;
import dev.wafer.adapter.dataset.FileFormat;
import dev.wafer.adapter.dataset.FileStats;
import dev.wafer.adapter.dataset.PartitionColumn;
import dev.wafer.adapter.dataset.StatsCodec;
import dev.wafer.adapter.dataset.TableFiles;
import dev.wafer.adapter.dataset.TableMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link TableLayout} from a table directory: lists the files, reads each file's footer
 * (schema, row counts, Wafer statistics), unions the file schemas (a file lacking a column reads
 * it as NULL; the same column with different SQL types in two files is an error naming both),
 * and adds the hive partition columns, typed by {@code _wafer/table.json} when present and by
 * inference over all directory values otherwise. A partition key that is also a file column is
 * not added twice.
 */
public final class TableLayoutLoader {
  private static final Logger LOG = LoggerFactory.getLogger(TableLayoutLoader.class);

  private TableLayoutLoader() {}

  /**
   * Loads the layout of one table.
   *
   * @param allocator used briefly to inspect Parquet files; holds nothing afterwards
   * @throws IOException naming the file (or files) and the problem
   */
  public static TableLayout load(Path tableDir, BufferAllocator allocator) throws IOException {
    TableMetadata metadata = TableMetadata.exists(tableDir) ? TableMetadata.read(tableDir) : null;
    List<TableFile> files = new ArrayList<>();
    for (DataFile f : TableFiles.list(tableDir)) {
      files.add(f.format() == FileFormat.ARROW ? arrowFile(f) : parquetFile(f, allocator));
    }
    Map<String, TableColumn> columns = new LinkedHashMap<>();
    Map<String, Path> firstFile = new LinkedHashMap<>();
    Set<String> skipped = new LinkedHashSet<>();
    if (metadata != null) {
      addFields(columns, firstFile, skipped, metadata.fileSchema(), TableMetadata.path(tableDir));
    }
    for (TableFile f : files) {
      addFields(columns, firstFile, skipped, f.schema(), f.file().path());
    }
    if (!skipped.isEmpty()) {
      LOG.warn("{}: columns of unsupported types are left out: {}", tableDir, skipped);
    }
    for (TableColumn pc : partitionColumns(metadata, files)) {
      columns.putIfAbsent(pc.name(), pc);
    }
    if (columns.isEmpty()) {
      throw new IOException(tableDir + ": table has no readable columns"
          + (files.isEmpty() ? " (no .arrow or .parquet files)" : "; unsupported: " + skipped));
    }
    return new TableLayout(new ArrayList<>(columns.values()), files);
  }

  private static void addFields(Map<String, TableColumn> columns, Map<String, Path> firstFile,
      Set<String> skipped, Schema schema, Path source) throws IOException {
    for (Field field : schema.getFields()) {
      TableColumn c = column(field);
      if (c == null) {
        skipped.add(field.getName() + " " + field.getType() + " (in " + source + ")");
        continue;
      }
      TableColumn existing = columns.get(c.name());
      if (existing == null) {
        columns.put(c.name(), c);
        firstFile.put(c.name(), source);
      } else if (!existing.sameSqlType(c)) {
        throw new IOException("column '" + c.name() + "' is " + existing.sqlTypeText() + " in "
            + firstFile.get(c.name()) + " but " + c.sqlTypeText() + " in " + source);
      } else if (c.precision() > existing.precision()) {
        columns.put(c.name(), c);
      }
    }
  }

  /** The table column for a file field, or null when its type is not read. */
  static TableColumn column(Field field) {
    ColumnKind kind = ColumnKind.of(field);
    if (kind == null) {
      return null;
    }
    ArrowType type = field.getType();
    switch (kind) {
      case DECIMAL: {
        ArrowType.Decimal d = (ArrowType.Decimal) type;
        return new TableColumn(field.getName(), kind, d.getPrecision(), d.getScale(), false);
      }
      case TIMESTAMP:
      case TIME:
        return new TableColumn(field.getName(), kind, ColumnKind.timePrecision(type), -1, false);
      default:
        return new TableColumn(field.getName(), kind, -1, -1, false);
    }
  }

  private static List<TableColumn> partitionColumns(TableMetadata metadata, List<TableFile> files) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (TableFile f : files) {
      f.file().partitionValues().forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }
    Map<String, ColumnKind> declared = new LinkedHashMap<>();
    if (metadata != null) {
      for (PartitionColumn pc : metadata.partitionColumns()) {
        declared.put(pc.name(), PartitionTypes.ofSqlType(pc.sqlType()));
        values.putIfAbsent(pc.name(), List.of());
      }
    }
    List<TableColumn> out = new ArrayList<>();
    values.forEach((key, vals) -> {
      ColumnKind kind = declared.containsKey(key) ? declared.get(key) : PartitionTypes.infer(vals);
      out.add(new TableColumn(key, kind, -1, -1, true));
    });
    return out;
  }

  private static TableFile arrowFile(DataFile f) throws IOException {
    FooterCache.Footer footer = FooterCache.SHARED.get(f.path(), f.version(), () -> arrowFooter(f));
    return tableFile(f, footer);
  }

  private static TableFile tableFile(DataFile f, FooterCache.Footer footer) {
    long rows = footer.batchRows().stream().mapToLong(Long::longValue).sum();
    return new TableFile(f, footer.schema(), rows, footer.batchRows(), footer.stats(), footer.fieldsByName());
  }

  private static FooterCache.Footer arrowFooter(DataFile f) throws IOException {
    ArrowFileMeta meta = ArrowFooterReader.read(f.path());
    FileStats stats = null;
    String json = meta.metadata().get(FileStats.FOOTER_KEY);
    if (json != null) {
      try {
        stats = StatsCodec.decode(json, meta.schema());
      } catch (IOException e) {
        throw new IOException(f.path() + ": " + e.getMessage(), e);
      }
      if (stats.batches().size() != meta.batches().size()) {
        LOG.warn("{}: statistics list {} batches but the footer has {}; statistics ignored",
            f.path(), stats.batches().size(), meta.batches().size());
        stats = null;
      }
    }
    List<Long> batchRows;
    if (stats != null) {
      batchRows = stats.batches().stream().map(b -> b.rows()).toList();
    } else {
      batchRows = ArrowFooterReader.batchRowCounts(f.path(), meta);
    }
    return new FooterCache.Footer(meta.schema(), batchRows, stats);
  }

  private static TableFile parquetFile(DataFile f, BufferAllocator allocator) throws IOException {
    return tableFile(f, FooterCache.SHARED.get(f.path(), f.version(), () -> {
      Schema schema = ParquetScan.schema(f.path(), allocator);
      long rows = ParquetScan.countRows(f.path(), allocator);
      return new FooterCache.Footer(schema, List.of(rows), null);
    }));
  }
}
