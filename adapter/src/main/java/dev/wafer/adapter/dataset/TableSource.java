package dev.wafer.adapter.dataset;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads the rows stored in a table's Arrow files, file after file, as a {@link
 * RecordBatchSource}: for re-partitioning an existing table. Columns that live only in
 * directory names (identity partition keys) are not part of the stream. Every file must have
 * the first file's schema and dictionaries (true of tables Wafer's generator writes), because a
 * stream's dictionaries are fixed.
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

  private TableSource(BufferAllocator allocator, List<DataFile> files, long rows) throws IOException {
    this.allocator = allocator;
    this.files = files;
    this.rows = rows;
    firstChannel = FileChannel.open(files.get(0).path());
    first = new ArrowFileReader(firstChannel, allocator);
    first.getRecordBlocks(); // reads the footer and dictionaries
    out = VectorSchemaRoot.create(first.getVectorSchemaRoot().getSchema(), allocator);
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
      src.get(c).makeTransferPair(dst.get(c)).transfer();
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
    Schema s = reader.getVectorSchemaRoot().getSchema();
    if (!s.equals(schema())) {
      throw new IOException(f.path() + ": schema differs from " + files.get(0).path());
    }
    for (Field field : s.getFields()) {
      if (field.getDictionary() != null) {
        long id = field.getDictionary().getId();
        Dictionary mine = reader.lookup(id);
        Dictionary theirs = first.lookup(id);
        if (!org.apache.arrow.vector.compare.VectorEqualsVisitor.vectorEquals(mine.getVector(), theirs.getVector())) {
          throw new IOException(f.path() + ": dictionary of '" + field.getName()
              + "' differs from " + files.get(0).path() + "; cannot re-partition");
        }
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
