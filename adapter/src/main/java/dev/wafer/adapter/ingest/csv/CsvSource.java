package dev.wafer.adapter.ingest.csv;

import dev.wafer.adapter.dataset.RecordBatchSource;
import dev.wafer.adapter.ingest.CompressedInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The rows of one CSV file in the merged schema of an ingest. Rows that do not fit (the wrong
 * number of fields, a value that does not parse) are dropped, as the scan counted them under
 * {@code --on-error skip}; a row is parsed whole before any of it is written.
 */
final class CsvSource implements RecordBatchSource {
  private static final int BATCH = 64 * 1024;

  private final CsvReader reader;
  private final Schema target;
  private final VectorSchemaRoot root;
  private final DictionaryProvider.MapDictionaryProvider noDictionaries =
      new DictionaryProvider.MapDictionaryProvider();
  /** For each file column, its target column; and each target column's type. */
  private final int[] targetOf;
  private final CsvType[] types;
  private final CsvType[] fileTypes;
  private final int fileColumns;
  private final long[] longs;
  private final double[] doubles;

  CsvSource(Path file, CsvOptions options, Schema target, BufferAllocator allocator) throws IOException {
    this.target = target;
    this.reader = new CsvReader(file, CompressedInput.open(file), options.encoding(), options.delimiter());
    try {
      List<String> names = CsvIngester.header(file, reader);
      fileColumns = names.size();
      targetOf = new int[fileColumns];
      fileTypes = new CsvType[fileColumns];
      types = new CsvType[target.getFields().size()];
      for (int t = 0; t < types.length; t++) {
        types[t] = CsvType.of(target.getFields().get(t).getType());
      }
      for (int c = 0; c < fileColumns; c++) {
        targetOf[c] = indexOf(target, names.get(c));
        fileTypes[c] = types[targetOf[c]];
      }
      longs = new long[fileColumns];
      doubles = new double[fileColumns];
      this.root = VectorSchemaRoot.create(target, allocator);
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  private static int indexOf(Schema s, String name) {
    for (int i = 0; i < s.getFields().size(); i++) {
      if (s.getFields().get(i).getName().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("column " + name + " is not in the merged schema");
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
    root.allocateNew();
    int row = 0;
    List<String> f;
    while (row < BATCH && (f = reader.next()) != null) {
      if (f.size() != fileColumns || !parse(f)) {
        continue;
      }
      // columns this file lacks stay NULL: allocateNew() and growth zero the validity bits
      for (int c = 0; c < fileColumns; c++) {
        set(root.getVector(targetOf[c]), fileTypes[c], row, f.get(c), c);
      }
      row++;
    }
    root.setRowCount(row);
    return row > 0;
  }

  /** Parses the numbers and times of a row into scratch arrays; false when one does not parse. */
  private boolean parse(List<String> f) {
    for (int c = 0; c < fileColumns; c++) {
      String v = f.get(c);
      if (v.isEmpty()) {
        continue;
      }
      CsvType t = fileTypes[c];
      if (t != CsvType.VARCHAR && !t.accepts(v)) {
        return false;
      }
      switch (t) {
        case INTEGER, BIGINT -> longs[c] = Long.parseLong(v.trim());
        case DOUBLE -> doubles[c] = Double.parseDouble(v.trim());
        case BOOLEAN -> longs[c] = v.equalsIgnoreCase("true") ? 1 : 0;
        case DATE -> longs[c] = java.time.LocalDate.parse(v.trim()).toEpochDay();
        case TIMESTAMP -> longs[c] = CsvType.millis(v);
        default -> { }
      }
    }
    return true;
  }

  private void set(FieldVector vector, CsvType t, int row, String v, int c) {
    if (v.isEmpty()) {
      return; // already NULL
    }
    switch (t) {
      case INTEGER -> ((IntVector) vector).setSafe(row, (int) longs[c]);
      case BIGINT -> ((BigIntVector) vector).setSafe(row, longs[c]);
      case DOUBLE -> ((Float8Vector) vector).setSafe(row, doubles[c]);
      case BOOLEAN -> ((BitVector) vector).setSafe(row, (int) longs[c]);
      case DATE -> ((DateDayVector) vector).setSafe(row, (int) longs[c]);
      case TIMESTAMP -> ((TimeStampMilliVector) vector).setSafe(row, longs[c]);
      default -> ((VarCharVector) vector).setSafe(row, v.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      // read-only stream: nothing to lose
    } finally {
      root.close();
    }
  }
}
