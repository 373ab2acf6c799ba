package dev.wafer.adapter.ingest.parquet;

import dev.wafer.adapter.dataset.RecordBatchSource;
import dev.wafer.adapter.ingest.FileIngester;
import dev.wafer.adapter.ingest.IngestException;
import dev.wafer.adapter.ingest.csv.CsvType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.dataset.file.FileFormat;
import org.apache.arrow.dataset.file.FileSystemDatasetFactory;
import org.apache.arrow.dataset.jni.NativeMemoryPool;
import org.apache.arrow.dataset.scanner.ScanOptions;
import org.apache.arrow.dataset.scanner.Scanner;
import org.apache.arrow.dataset.source.Dataset;
import org.apache.arrow.dataset.source.DatasetFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Parquet ingest through Arrow Dataset ({@link FileSystemDatasetFactory}), one file at a time
 * so a bad file fails alone. Hive-style directories ({@code lot=L1/day=2024-01-03/x.parquet},
 * as DuckDB or Spark write them) add their keys as columns, typed by their values (integer,
 * date, else string). Files are merged by column name; a column a file lacks reads as NULL
 * there; the same column with two types fails the later file, naming both.
 */
public final class ParquetIngester implements FileIngester<ParquetScan> {
  static final String HIVE_NULL = "__HIVE_DEFAULT_PARTITION__";
  static final int BATCH = 64 * 1024;

  @Override
  public ParquetScan scan(Path file, BufferAllocator allocator) throws IOException {
    Map<String, String> partitions = partitions(file);
    try (Reading r = Reading.open(file, allocator)) {
      List<Field> fields = new ArrayList<>();
      for (Field f : r.reader().getVectorSchemaRoot().getSchema().getFields()) {
        if (partitions.containsKey(f.getName())) {
          continue; // a partition key also stored in the file: the directory's value wins
        }
        fields.add(new Field(f.getName(), FieldType.nullable(f.getType()), f.getChildren()));
      }
      for (Map.Entry<String, String> p : partitions.entrySet()) {
        CsvType t = p.getValue() == null ? CsvType.VARCHAR : CsvType.infer(p.getValue());
        t = t == CsvType.INTEGER || t == CsvType.BIGINT ? CsvType.BIGINT
            : t == CsvType.DATE ? CsvType.DATE : CsvType.VARCHAR;
        fields.add(new Field(p.getKey(), FieldType.nullable(t.arrow()), null));
      }
      long rows = 0;
      while (r.reader().loadNextBatch()) {
        rows += r.reader().getVectorSchemaRoot().getRowCount();
      }
      return new ParquetScan(file, rows, new Schema(fields), partitions);
    } catch (RuntimeException e) {
      throw IngestException.ofFile(file, "cannot read as Parquet: " + e.getMessage(), e);
    }
  }

  /** The {@code key=value} segments of the directories holding a file. */
  static Map<String, String> partitions(Path file) {
    Map<String, String> out = new LinkedHashMap<>();
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null) {
      return out;
    }
    for (Path segment : parent) {
      String s = segment.toString();
      int eq = s.indexOf('=');
      if (eq > 0) {
        String value = java.net.URLDecoder.decode(s.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
        out.put(s.substring(0, eq), value.equals(HIVE_NULL) ? null : value);
      }
    }
    return out;
  }

  @Override
  public Schema merge(Schema merged, ParquetScan scan) throws IngestException {
    if (merged == null) {
      return scan.schema();
    }
    List<Field> out = new ArrayList<>(merged.getFields());
    for (Field f : scan.schema().getFields()) {
      Field existing = out.stream().filter(x -> x.getName().equals(f.getName())).findFirst().orElse(null);
      if (existing == null) {
        out.add(f);
      } else if (scan.partitions().containsKey(f.getName())) {
        // directory values: widen (e.g. day=2024-01-03 and day=unknown make a string key)
        CsvType t = CsvType.widen(CsvType.of(existing.getType()), CsvType.of(f.getType()));
        out.set(out.indexOf(existing), new Field(f.getName(), FieldType.nullable(t.arrow()), null));
      } else if (!existing.getType().equals(f.getType())) {
        throw IngestException.ofFile(scan.file(), "column " + f.getName() + " is " + f.getType()
            + " here but " + existing.getType() + " in the files before it", null);
      }
    }
    return new Schema(out);
  }

  @Override
  public RecordBatchSource open(ParquetScan scan, Schema target, BufferAllocator allocator)
      throws IOException {
    return new ParquetSource(scan, target, allocator);
  }

  /** An open Arrow Dataset scan of one file; closes everything it opened. */
  record Reading(DatasetFactory factory, Dataset dataset, Scanner scanner, ArrowReader reader)
      implements AutoCloseable {
    static Reading open(Path file, BufferAllocator allocator) {
      DatasetFactory factory = new FileSystemDatasetFactory(allocator, NativeMemoryPool.getDefault(),
          FileFormat.PARQUET, file.toAbsolutePath().toUri().toString());
      Dataset dataset = null;
      Scanner scanner = null;
      try {
        dataset = factory.finish();
        scanner = dataset.newScan(new ScanOptions(BATCH));
        return new Reading(factory, dataset, scanner, scanner.scanBatches());
      } catch (RuntimeException e) {
        closeQuietly(scanner);
        closeQuietly(dataset);
        closeQuietly(factory);
        throw e;
      }
    }

    @Override
    public void close() {
      try {
        reader.close();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } finally {
        closeQuietly(scanner);
        closeQuietly(dataset);
        closeQuietly(factory);
      }
    }

    private static void closeQuietly(AutoCloseable c) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          // closing native handles of a failed open: the original error matters more
        }
      }
    }
  }
}
