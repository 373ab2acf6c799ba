package dev.wafer.adapter.dataset;

import dev.wafer.adapter.arrow.Utf8Table;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.util.AutoCloseables;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites a finished Arrow file so that its low-cardinality plain string columns are
 * dictionary-encoded (DESIGN §3). Sources that ingest STDF, CSV or Parquet hand strings over
 * plain, and the Arrow IPC file format fixes a dictionary before the first batch; so the
 * writer writes a file plain, and this class, given the whole file, counts each plain string
 * column's distinct values and re-encodes the columns that qualify, batch by batch. Scans then
 * group and filter those columns by dictionary index instead of by their bytes.
 *
 * <p>A column qualifies when it has at most {@code maxEntries} distinct values, of at most
 * {@link #MAX_DICTIONARY_BYTES} bytes together, and each value occurs twice on average. Batches,
 * their row counts and the footer (with its statistics, which are the same for both encodings)
 * are kept; indexes are Int32, the width the scan's fast paths read.
 */
final class StringDictionaryEncoder {
  private static final Logger LOG = LoggerFactory.getLogger(StringDictionaryEncoder.class);
  private static final ArrowType.Int INT32 = new ArrowType.Int(32, true);
  /**
   * Bytes of distinct values a column may hold while counted: a column of long, mostly unique
   * text is given up once past it, rather than copied to the heap whole.
   */
  static final long MAX_DICTIONARY_BYTES = 16L << 20;

  private StringDictionaryEncoder() {}

  /**
   * Re-encodes the qualifying columns of {@code file} in place (through a sibling temporary file
   * and an atomic rename); leaves a file without any as it is.
   *
   * @return the names of the columns encoded
   */
  static List<String> encode(Path file, BufferAllocator parent, int maxEntries) throws IOException {
    if (maxEntries < 1) {
      return List.of();
    }
    String name = file.getFileName().toString();
    Path tmp = file.resolveSibling("." + name + ".encoding");
    List<String> encoded = new ArrayList<>();
    try (BufferAllocator allocator = parent.newChildAllocator("encode-" + name, 0, Long.MAX_VALUE);
        FileChannel in = FileChannel.open(file);
        ArrowFileReader reader = new ArrowFileReader(in, allocator)) {
      VectorSchemaRoot source = reader.getVectorSchemaRoot();
      Utf8Table[] tables = distinctValues(reader, source, maxEntries);
      List<Field> fields = new ArrayList<>();
      List<FieldVector> vectors = new ArrayList<>();
      DictionaryProvider.MapDictionaryProvider dictionaries = new DictionaryProvider.MapDictionaryProvider();
      reader.getDictionaryVectors().values().forEach(dictionaries::put);
      long nextId = reader.getDictionaryVectors().keySet().stream().mapToLong(Long::longValue).max().orElse(-1) + 1;
      try {
        for (int c = 0; c < tables.length; c++) {
          FieldVector v = source.getFieldVectors().get(c);
          if (tables[c] == null) {
            fields.add(v.getField());
            vectors.add(v);
            continue;
          }
          DictionaryEncoding encoding = new DictionaryEncoding(nextId++, false, INT32);
          dictionaries.put(new Dictionary(values(v.getField().getName(), tables[c], allocator), encoding));
          Field f = new Field(v.getField().getName(), new FieldType(v.getField().isNullable(), INT32, encoding,
              v.getField().getMetadata()), null);
          fields.add(f);
          vectors.add(f.createVector(allocator));
          encoded.add(f.getName());
        }
        if (!encoded.isEmpty()) {
          Schema schema = new Schema(fields, source.getSchema().getCustomMetadata());
          write(reader, source, tables, new VectorSchemaRoot(schema, vectors, 0), dictionaries, tmp);
        }
      } finally {
        List<AutoCloseable> owned = new ArrayList<>();
        for (int c = 0; c < vectors.size(); c++) {
          if (tables[c] != null) {
            owned.add(vectors.get(c));
            owned.add(dictionaries.lookup(fields.get(c).getDictionary().getId()).getVector());
          }
        }
        AutoCloseables.close(owned);
      }
    } catch (Exception e) {
      Files.deleteIfExists(tmp);
      throw new IOException("dictionary-encoding " + file + ": " + e.getMessage(), e);
    }
    if (!encoded.isEmpty()) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      LOG.debug("{}: dictionary-encoded {}", file, encoded);
    }
    return encoded;
  }

  /**
   * Per column, the table of its distinct values when it qualifies, else null: only plain Utf8
   * columns, with at most {@code maxEntries} distinct values, twice as many non-null rows.
   */
  private static Utf8Table[] distinctValues(ArrowFileReader reader, VectorSchemaRoot source, int maxEntries)
      throws IOException {
    List<FieldVector> vectors = source.getFieldVectors();
    Utf8Table[] tables = new Utf8Table[vectors.size()];
    long[] nonNull = new long[vectors.size()];
    for (int c = 0; c < tables.length; c++) {
      FieldVector v = vectors.get(c);
      if (v instanceof VarCharVector && v.getField().getDictionary() == null) {
        tables[c] = new Utf8Table(maxEntries);
      }
    }
    for (ArrowBlock block : reader.getRecordBlocks()) {
      if (Arrays.stream(tables).allMatch(t -> t == null)) {
        return tables; // no plain string column (a generated table), or none left that fits
      }
      reader.loadRecordBatch(block);
      int rows = source.getRowCount();
      for (int c = 0; c < tables.length; c++) {
        if (tables[c] != null) {
          VarCharVector v = (VarCharVector) vectors.get(c);
          nonNull[c] += rows - v.getNullCount();
          if (!addAll(v, rows, tables[c], null) || tables[c].bytes() > MAX_DICTIONARY_BYTES) {
            tables[c] = null;
          }
        }
      }
    }
    for (int c = 0; c < tables.length; c++) {
      if (tables[c] != null && (tables[c].size() == 0 || 2L * tables[c].size() > nonNull[c])) {
        tables[c] = null;
      }
    }
    return tables;
  }

  /**
   * Looks every non-null row of {@code v} up in {@code table}, writing its id to {@code ids} when
   * given; false when a value does not fit the table.
   */
  private static boolean addAll(VarCharVector v, int rows, Utf8Table table, IntVector ids) {
    long data = v.getDataBufferAddress();
    long end = data + v.getDataBuffer().capacity();
    long offsets = v.getOffsetBufferAddress();
    for (int i = 0; i < rows; i++) {
      if (v.isNull(i)) {
        continue;
      }
      int start = MemoryUtil.getInt(offsets + 4L * i);
      int id = table.id(data + start, MemoryUtil.getInt(offsets + 4L * (i + 1)) - start, end);
      if (id == Utf8Table.FULL) {
        return false;
      }
      if (ids != null) {
        ids.set(i, id);
      }
    }
    return true;
  }

  private static VarCharVector values(String column, Utf8Table table, BufferAllocator allocator) {
    VarCharVector dictionary = new VarCharVector(column + "-dictionary",
        FieldType.notNullable(ArrowType.Utf8.INSTANCE), allocator);
    dictionary.allocateNew(table.size());
    for (int id = 0; id < table.size(); id++) {
      dictionary.setSafe(id, table.bytes(id));
    }
    dictionary.setValueCount(table.size());
    return dictionary;
  }

  /**
   * Writes every batch of {@code reader} through {@code out}, whose vectors are the reader's own
   * except for the encoded columns' index vectors (closed by the caller, not here).
   */
  private static void write(ArrowFileReader reader, VectorSchemaRoot source, Utf8Table[] tables,
      VectorSchemaRoot out, DictionaryProvider dictionaries, Path tmp) throws IOException {
    Map<String, String> footer = new HashMap<>(reader.getMetaData());
    try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
        ArrowFileWriter writer = new ArrowFileWriter(out, dictionaries, channel, footer)) {
      writer.start();
      for (ArrowBlock block : reader.getRecordBlocks()) {
        reader.loadRecordBatch(block);
        int rows = source.getRowCount();
        for (int c = 0; c < tables.length; c++) {
          if (tables[c] != null) {
            IntVector ids = (IntVector) out.getFieldVectors().get(c);
            ids.reset();
            ids.allocateNew(rows);
            VarCharVector v = (VarCharVector) source.getFieldVectors().get(c);
            if (!addAll(v, rows, tables[c], ids)) {
              throw new IllegalStateException("column '" + v.getName() + "' changed between two reads");
            }
            if (v.getNullCount() > 0) { // counted once: it walks the validity buffer
              for (int i = 0; i < rows; i++) {
                if (v.isNull(i)) {
                  ids.setNull(i);
                }
              }
            }
            ids.setValueCount(rows);
          }
        }
        out.setRowCount(rows);
        writer.writeBatch();
      }
      writer.end();
      channel.force(true);
    }
  }
}
