package dev.wafer.adapter.dataset;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compare.VectorEqualsVisitor;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads the rows stored in a table's Arrow files, file after file, as a {@link
 * RecordBatchSource}: for re-partitioning an existing table. Columns that live only in
 * directory names (identity partition keys) are not part of the stream. Every file must have
 * the first file's columns. A stream's dictionaries are fixed: a string column whose files have
 * the same dictionary (tables Wafer's generator writes) stays dictionary-encoded; one whose files
 * encode it differently or not at all (the writer encodes each file's own values, see {@code
 * StringDictionaryEncoder}) is streamed plain.
 */
public final class TableSource implements RecordBatchSource {
  private final BufferAllocator allocator;
  private final List<DataFile> files;
  private final long rows;
  private int fileIndex = -1;
  private int blockIndex;
  private List<ArrowBlock> blocks = List.of();
  private FileChannel channel;
  private ArrowFileReader reader;
  private ArrowFileReader first;
  private FileChannel firstChannel;
  private VectorSchemaRoot out;
  /** Per column: whether it is streamed plain, decoded from each file's own dictionary. */
  private final boolean[] decoded;

  private TableSource(BufferAllocator allocator, List<DataFile> files, long rows) throws IOException {
    this.allocator = allocator;
    this.files = files;
    this.rows = rows;
    firstChannel = FileChannel.open(files.get(0).path());
    try {
      first = new ArrowFileReader(firstChannel, allocator);
      first.getRecordBlocks(); // reads the footer and dictionaries
      List<Field> fields = new ArrayList<>(first.getVectorSchemaRoot().getSchema().getFields());
      decoded = new boolean[fields.size()];
      boolean[] nullable = new boolean[fields.size()];
      for (int c = 0; c < fields.size(); c++) {
        nullable[c] = fields.get(c).isNullable();
      }
      for (int f = 1; f < files.size(); f++) {
        compare(files.get(f).path(), fields, nullable);
      }
      for (int c = 0; c < fields.size(); c++) {
        Field f = fields.get(c);
        if (decoded[c]) {
          fields.set(c, new Field(f.getName(), new FieldType(nullable[c], ArrowType.Utf8.INSTANCE, null,
              f.getMetadata()), null));
        } else if (nullable[c] != f.isNullable()) {
          fields.set(c, new Field(f.getName(), new FieldType(true, f.getType(), f.getDictionary(), f.getMetadata()),
              f.getChildren()));
        }
      }
      out = VectorSchemaRoot.create(new Schema(fields, first.getVectorSchemaRoot().getSchema().getCustomMetadata()),
          allocator);
    } catch (IOException | RuntimeException e) {
      if (first != null) {
        first.close();
      }
      firstChannel.close();
      throw e;
    }
  }

  /**
   * Checks a later file's columns against the first file's {@code fields}, marking the columns
   * to stream plain and those that hold NULLs somewhere.
   */
  private void compare(Path file, List<Field> fields, boolean[] nullable) throws IOException {
    try (FileChannel ch = FileChannel.open(file); ArrowFileReader other = new ArrowFileReader(ch, allocator)) {
      other.getRecordBlocks();
      List<Field> theirs = other.getVectorSchemaRoot().getSchema().getFields();
      if (theirs.size() != fields.size()) {
        throw new IOException(file + ": schema differs from " + files.get(0).path());
      }
      for (int c = 0; c < fields.size(); c++) {
        Field mine = fields.get(c);
        Field their = theirs.get(c);
        if (!sameColumn(mine, first, their, other)) {
          throw new IOException(file + ": schema differs from " + files.get(0).path());
        }
        nullable[c] |= their.isNullable();
        if (!sameEncoding(mine, first, their, other)) {
          if (!isString(mine, first) || !isString(their, other)) {
            throw new IOException(file + ": dictionary of '" + mine.getName() + "' differs from "
                + files.get(0).path() + "; cannot re-partition");
          }
          decoded[c] = true;
        }
      }
    }
  }

  /**
   * Same name and values: equal but for nullability, or a string column dictionary-encoded in one
   * file and not in the other.
   */
  private static boolean sameColumn(Field a, DictionaryProvider aDictionaries, Field b,
      DictionaryProvider bDictionaries) {
    if (!a.getName().equals(b.getName())) {
      return false;
    }
    return (a.getType().equals(b.getType()) && java.util.Objects.equals(a.getDictionary(), b.getDictionary())
        && a.getChildren().equals(b.getChildren()))
        || (isString(a, aDictionaries) && isString(b, bDictionaries));
  }

  /** A plain Utf8 column, or one dictionary-encoded with Utf8 values. */
  private static boolean isString(Field f, DictionaryProvider dictionaries) {
    return f.getDictionary() == null ? f.getType().getTypeID() == ArrowType.ArrowTypeID.Utf8
        : dictionaries.lookup(f.getDictionary().getId()).getVector() instanceof VarCharVector;
  }

  /** Whether both files store the column the same way: plain, or with equal dictionaries. */
  private static boolean sameEncoding(Field a, DictionaryProvider aDictionaries, Field b,
      DictionaryProvider bDictionaries) {
    if (a.getDictionary() == null || b.getDictionary() == null) {
      return a.getDictionary() == null && b.getDictionary() == null;
    }
    return a.getDictionary().equals(b.getDictionary())
        && VectorEqualsVisitor.vectorEquals(aDictionaries.lookup(a.getDictionary().getId()).getVector(),
            bDictionaries.lookup(b.getDictionary().getId()).getVector());
  }

  /** Opens a table directory of Arrow files. */
  public static TableSource open(Path tableDir, BufferAllocator allocator) throws IOException {
    requireNonNull(allocator, "allocator");
    List<DataFile> files = TableFiles.list(tableDir);
    if (files.isEmpty()) {
      throw new IOException(tableDir + ": no data files");
    }
    long rows = 0;
    for (DataFile f : files) {
      if (f.format() != FileFormat.ARROW) {
        throw new IOException(f.path() + ": only Arrow files can be re-partitioned");
      }
      rows += FileRowCounter.count(f, allocator).rows();
    }
    return new TableSource(allocator, files, rows);
  }

  @Override
  public Schema schema() {
    return out.getSchema();
  }

  @Override
  public DictionaryProvider dictionaries() {
    return first;
  }

  @Override
  public long expectedRows() {
    return rows;
  }

  @Override
  public boolean next() throws IOException {
    while (reader == null || blockIndex >= blocks.size()) {
      if (!openNextFile()) {
        return false;
      }
    }
    reader.loadRecordBatch(blocks.get(blockIndex++));
    VectorSchemaRoot in = reader.getVectorSchemaRoot();
    out.clear();
    List<FieldVector> src = in.getFieldVectors();
    List<FieldVector> dst = out.getFieldVectors();
    for (int c = 0; c < src.size(); c++) {
      FieldVector v = src.get(c);
      DictionaryEncoding encoding = v.getField().getDictionary();
      if (decoded[c] && encoding != null) {
        try (ValueVector plain = DictionaryEncoder.decode(v, reader.lookup(encoding.getId()))) {
          plain.makeTransferPair(dst.get(c)).transfer();
        }
      } else {
        v.makeTransferPair(dst.get(c)).transfer();
      }
    }
    out.setRowCount(in.getRowCount());
    return true;
  }

  private boolean openNextFile() throws IOException {
    closeReader();
    if (++fileIndex >= files.size()) {
      return false;
    }
    DataFile f = files.get(fileIndex);
    channel = FileChannel.open(f.path());
    reader = new ArrowFileReader(channel, allocator);
    blocks = reader.getRecordBlocks();
    blockIndex = 0;
    List<Field> fields = reader.getVectorSchemaRoot().getSchema().getFields();
    List<Field> firstFields = first.getVectorSchemaRoot().getSchema().getFields();
    for (int c = 0; c < decoded.length; c++) {
      // checked when opened; a file changed since then must not be streamed with a wrong dictionary
      if (fields.size() != decoded.length || !sameColumn(firstFields.get(c), first, fields.get(c), reader)
          || (!decoded[c] && !sameEncoding(firstFields.get(c), first, fields.get(c), reader))) {
        throw new IOException(f.path() + ": schema or dictionaries changed while re-partitioning");
      }
    }
    return true;
  }

  private void closeReader() throws IOException {
    if (reader != null) {
      reader.close();
      reader = null;
    }
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }

  @Override
  public VectorSchemaRoot root() {
    return out;
  }

  @Override
  public void close() {
    try {
      closeReader();
      out.close();
      first.close();
      firstChannel.close();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
