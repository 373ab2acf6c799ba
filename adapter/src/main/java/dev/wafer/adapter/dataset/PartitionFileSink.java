package dev.wafer.adapter.dataset;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The open Arrow file of one partition: buffers rows until a record batch is full, writes it
 * with its statistics, and closes the file at the size cap or when asked. The footer of every
 * file carries {@link FileStats} under {@link FileStats#FOOTER_KEY}.
 */
final class PartitionFileSink implements AutoCloseable {
  /** Receives each finished file: its staged path and what it holds. */
  interface FileListener {
    void fileFinished(Path stagedFile, String partitionPath, FileStats stats) throws IOException;
  }

  private final String partitionPath;
  private final Path directory;
  private final Schema fileSchema;
  private final DictionaryProvider dictionaries;
  private final WriteOptions options;
  private final FileNamer namer;
  private final FileListener listener;
  private final VectorSchemaRoot buffer;
  private final List<FieldVector> sourceOrder = new ArrayList<>();
  private final StatsCollector stats;

  private Path file;
  private FileChannel channel;
  private ArrowFileWriter writer;
  private Map<String, String> footer;
  private List<ContainerStats> batchStats;
  private int buffered;

  /** Names new files uniquely within one write. */
  interface FileNamer {
    String next();
  }

  PartitionFileSink(String partitionPath, Path directory, Schema fileSchema,
      DictionaryProvider dictionaries, BufferAllocator allocator, WriteOptions options,
      FileNamer namer, FileListener listener) {
    this.partitionPath = partitionPath;
    this.directory = directory;
    this.fileSchema = fileSchema;
    this.dictionaries = dictionaries;
    this.options = options;
    this.namer = namer;
    this.listener = listener;
    this.buffer = VectorSchemaRoot.create(fileSchema, allocator);
    this.stats = new StatsCollector(dictionaries);
  }

  /** Appends rows {@code rows[from..to)} of {@code batch} (columns matched by name). */
  void append(VectorSchemaRoot batch, int[] rows, int from, int to) throws IOException {
    if (sourceOrder.isEmpty()) {
      for (FieldVector v : buffer.getFieldVectors()) {
        sourceOrder.add(batch.getVector(v.getName()));
      }
    }
    List<FieldVector> targets = buffer.getFieldVectors();
    int i = from;
    while (i < to) {
      int n = Math.min(to - i, options.batchRows() - buffered);
      for (int c = 0; c < targets.size(); c++) {
        RowCopier.copy(sourceOrder.get(c), targets.get(c), rows, i, n, buffered);
      }
      buffered += n;
      i += n;
      if (buffered == options.batchRows()) {
        flushBatch();
      }
    }
  }

  /** Writes the buffered rows as one record batch, opening a file first if needed. */
  private void flushBatch() throws IOException {
    if (buffered == 0) {
      return;
    }
    buffer.setRowCount(buffered);
    if (writer == null) {
      openFile();
    }
    batchStats.add(stats.collect(buffer));
    writer.writeBatch();
    for (FieldVector v : buffer.getFieldVectors()) {
      v.reset();
    }
    buffer.setRowCount(0);
    buffered = 0;
    if (channel.position() >= options.maxFileBytes()) {
      finishFile();
    }
  }

  private void openFile() throws IOException {
    Files.createDirectories(directory);
    file = directory.resolve(namer.next());
    channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    // ArrowFileWriter keeps this map by reference and writes it into the footer at end(): the
    // statistics of all batches are known only then.
    footer = new HashMap<>();
    batchStats = new ArrayList<>();
    writer = new ArrowFileWriter(buffer, dictionaries, channel, footer);
    writer.start();
  }

  /** Flushes buffered rows and closes the current file, handing it to the listener. */
  void finishFile() throws IOException {
    flushBatch();
    if (writer == null) {
      return;
    }
    ContainerStats total = batchStats.get(0);
    for (int b = 1; b < batchStats.size(); b++) {
      total = total.merge(batchStats.get(b));
    }
    FileStats fileStats = new FileStats(total, batchStats);
    footer.put(FileStats.FOOTER_KEY, StatsCodec.encode(fileStats));
    writer.end();
    channel.force(true);
    writer.close();
    Path done = file;
    writer = null;
    channel = null;
    file = null;
    listener.fileFinished(done, partitionPath, fileStats);
  }

  boolean hasOpenFile() {
    return writer != null || buffered > 0;
  }

  /** Releases buffers; an unfinished file is closed as is (the caller discards the staging). */
  @Override
  public void close() {
    try {
      if (writer != null) {
        writer.close();
      }
    } finally {
      buffer.close();
    }
  }

  Schema schema() {
    return fileSchema;
  }
}
