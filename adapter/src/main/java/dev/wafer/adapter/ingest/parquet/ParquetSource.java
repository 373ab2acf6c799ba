package dev.wafer.adapter.ingest.parquet;

import dev.wafer.adapter.dataset.RecordBatchSource;
import dev.wafer.adapter.ingest.csv.CsvType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The rows of one Parquet file in the merged schema of an ingest: the file's columns are moved
 * over without copying (dictionary columns decoded to their values), the hive partition
 * columns filled with the directory's value, and columns the file lacks left NULL.
 */
final class ParquetSource implements RecordBatchSource {
  private final ParquetIngester.Reading reading;
  private final Schema target;
  private final Map<String, String> partitions;
  private final VectorSchemaRoot root;
  private final DictionaryProvider.MapDictionaryProvider noDictionaries =
      new DictionaryProvider.MapDictionaryProvider();

  ParquetSource(ParquetScan scan, Schema target, BufferAllocator allocator) throws IOException {
    this.target = target;
    this.partitions = scan.partitions();
    try {
      this.reading = ParquetIngester.Reading.open(scan.file(), allocator);
    } catch (RuntimeException e) {
      throw new IOException(scan.file() + ": cannot read as Parquet: " + e.getMessage(), e);
    }
    this.root = VectorSchemaRoot.create(target, allocator);
  }

  @Override
  public Schema schema() {
    return target;
  }

  @Override
  public DictionaryProvider dictionaries() {
    return noDictionaries;
  }

  @Override
  public VectorSchemaRoot root() {
    return root;
  }

  @Override
  public boolean next() throws IOException {
    root.clear();
    if (!reading.reader().loadNextBatch()) {
      root.setRowCount(0);
      return false;
    }
    VectorSchemaRoot batch = reading.reader().getVectorSchemaRoot();
    int rows = batch.getRowCount();
    root.allocateNew();
    for (int c = 0; c < target.getFields().size(); c++) {
      Field f = target.getFields().get(c);
      FieldVector out = root.getVector(c);
      if (partitions.containsKey(f.getName())) {
        fill(out, f, partitions.get(f.getName()), rows);
        continue;
      }
      FieldVector in = batch.getVector(f.getName());
      if (in == null) {
        continue; // NULL in every row
      }
      DictionaryEncoding enc = in.getField().getDictionary();
      if (enc != null) {
        Dictionary d = reading.reader().getDictionaryVectors().get(enc.getId());
        try (ValueVector decoded = DictionaryEncoder.decode(in, d)) {
          decoded.makeTransferPair(out).transfer();
        }
      } else {
        in.makeTransferPair(out).transfer();
      }
    }
    root.setRowCount(rows);
    return true;
  }

  /** A partition column: the directory's value (or NULL) in every row. */
  private static void fill(FieldVector out, Field f, String value, int rows) {
    if (value == null) {
      return;
    }
    CsvType t = CsvType.of(f.getType());
    for (int i = 0; i < rows; i++) {
      switch (t) {
        case BIGINT -> ((BigIntVector) out).setSafe(i, Long.parseLong(value));
        case DATE -> ((DateDayVector) out).setSafe(i, (int) java.time.LocalDate.parse(value).toEpochDay());
        default -> ((VarCharVector) out).setSafe(i, value.getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  @Override
  public void close() {
    try {
      reading.close();
    } finally {
      root.close();
    }
  }
}
