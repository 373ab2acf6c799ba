package dev.wafer.adapter.arrow;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flatbuf.DictionaryBatch;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.ForeignAllocation;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.util.ValueVectorUtility;

/**
 * An Arrow IPC file opened for one query: memory-mapped and wrapped as a foreign {@link ArrowBuf}
 * (zero copy: loading a batch slices the mapping, and only the pages of the columns read are ever
 * touched). Whole-file mappings are shared between queries through {@link MappedFileCache}. Files larger than {@code maxMapBytes} (Java maps at most 2 GB at once) are mapped one
 * record batch at a time. Dictionaries are decoded to strings once per file.
 *
 * <p>Thread-safe: workers load different batches of the same file concurrently.
 */
public final class MappedArrowFile implements AutoCloseable {
  private final Path path;
  private final ArrowFileMeta meta;
  private final BatchLayout layout;
  private final BufferAllocator allocator;
  /** The open file when it is mapped batch by batch, else null (a cached whole mapping). */
  private final FileChannel channel;
  /** The cached mapping this query reads, or null. */
  private final MappedFileCache.Entry cached;
  private final long maxMapBytes;
  /** The whole file, or null when it is mapped batch by batch. */
  private final ArrowBuf whole;
  /** The dictionaries this query has decoded or found in the cache, by id. */
  private final Map<Long, String[]> dictionaries = new HashMap<>();

  private MappedArrowFile(Path path, ArrowFileMeta meta, BufferAllocator allocator, FileChannel channel,
      long size, long maxMapBytes) throws IOException {
    this.path = path;
    this.meta = meta;
    this.layout = BatchLayout.of(meta.schema().getFields());
    this.allocator = allocator;
    this.channel = channel;
    this.cached = null;
    this.maxMapBytes = maxMapBytes;
    this.whole = size <= maxMapBytes ? map(0, size) : null;
  }

  private MappedArrowFile(Path path, MappedFileCache.Entry cached, BufferAllocator allocator, long maxMapBytes)
      throws IOException {
    this.path = path;
    this.meta = cached.meta;
    this.layout = cached.layout();
    this.allocator = allocator;
    this.channel = null;
    this.cached = cached;
    this.maxMapBytes = maxMapBytes;
    // this query's view of the shared mapping: accounted to its allocator, and the cache's use
    // ends when the last buffer sliced from it is released
    this.whole = allocator.wrapForeignAllocation(new ForeignAllocation(cached.size, cached.address) {
      @Override
      protected void release0() {
        cached.release();
      }
    });
  }

  /**
   * Opens and maps a file; the mapping is accounted to {@code allocator} until {@link #close()}.
   *
   * @throws IOException naming the file and the problem
   */
  public static MappedArrowFile open(Path path, BufferAllocator allocator, long maxMapBytes) throws IOException {
    requireNonNull(path, "path");
    MappedFileCache cache = MappedFileCache.SHARED;
    if (cache.enabled()) {
      var attributes = MappedFileCache.attributes(path);
      if (attributes.size() <= maxMapBytes) {
        return openCached(path, cache, attributes, allocator, maxMapBytes);
      }
    }
    FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
    try {
      long size = ch.size();
      ArrowFileMeta meta = ArrowFooterReader.read(ch, size);
      return new MappedArrowFile(path, meta, allocator, ch, size, maxMapBytes);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw new IOException(path + ": " + e.getMessage(), e);
    }
  }

  private static MappedArrowFile openCached(Path path, MappedFileCache cache,
      java.nio.file.attribute.BasicFileAttributes attributes, BufferAllocator allocator, long maxMapBytes)
      throws IOException {
    MappedFileCache.Entry entry;
    try {
      entry = cache.acquire(path, attributes);
    } catch (IOException | RuntimeException e) {
      throw new IOException(path + ": " + e.getMessage(), e);
    }
    try {
      return new MappedArrowFile(path, entry, allocator, maxMapBytes);
    } catch (IOException | RuntimeException e) {
      entry.release();
      throw new IOException(path + ": " + e.getMessage(), e);
    }
  }

  public ArrowFileMeta meta() {
    return meta;
  }

  /** Whether the file's schema equals {@code expected} (remembered per cached mapping). */
  public boolean hasSchema(org.apache.arrow.vector.types.pojo.Schema expected) {
    return cached != null ? cached.hasSchema(expected) : meta.schema().equals(expected);
  }

  public int batchCount() {
    return meta.batches().size();
  }

  /**
   * Loads the given top-level fields (indexes into the file schema) of one record batch.
   *
   * @throws IOException naming the file, batch and problem when the batch is corrupt
   */
  public LoadedBatch load(int batch, int[] fields) throws IOException {
    ArrowBlock block = meta.batches().get(batch);
    ArrowBuf region = region(block);
    FieldVector[] vectors = new FieldVector[layout.fieldCount()];
    try {
      Message message = message(region, block);
      if (message.headerType() != MessageHeader.RecordBatch) {
        throw new IOException("block is not a record batch (header type " + message.headerType() + ")");
      }
      RecordBatch rb = (RecordBatch) message.header(new RecordBatch());
      ArrowBuf body = body(region, block);
      layout.check(rb, block.getBodyLength());
      for (int f : fields) {
        vectors[f] = layout.load(f, rb, body, allocator);
      }
      return new LoadedBatch((int) rb.length(), vectors);
    } catch (IOException | RuntimeException e) {
      for (FieldVector v : vectors) {
        if (v != null) {
          v.close();
        }
      }
      throw new IOException(path + ": record batch " + batch + " at offset " + block.getOffset() + ": "
          + e.getMessage(), e);
    } finally {
      region.close();
    }
  }

  /**
   * The decoded values of the dictionary with the given id, decoded on first use: a file's other
   * dictionaries (a column of per-row strings can have one as long as the batch) are not decoded
   * for queries that do not read their columns.
   */
  public synchronized String[] dictionary(long id) throws IOException {
    String[] values = dictionaries.get(id);
    if (values == null && cached != null) {
      values = cached.dictionary(id);
    }
    if (values == null) {
      values = loadDictionary(id);
      if (cached != null) {
        values = cached.dictionary(id, values);
      }
    }
    dictionaries.put(id, values);
    return values;
  }

  /** Finds and decodes the one dictionary batch of {@code id}, reading only the others' headers. */
  private String[] loadDictionary(long id) throws IOException {
    Field valueField = null;
    for (Field f : meta.schema().getFields()) {
      if (f.getDictionary() != null && f.getDictionary().getId() == id) {
        valueField = new Field(f.getName(), new FieldType(true, f.getType(), null), f.getChildren());
      }
    }
    if (valueField == null) {
      throw new IOException(path + ": dictionary " + id + " is used by no column");
    }
    String[] out = null;
    for (ArrowBlock block : meta.dictionaries()) {
      ArrowBuf region = region(block);
      try {
        Message message = message(region, block);
        if (message.headerType() != MessageHeader.DictionaryBatch) {
          throw new IOException("block is not a dictionary batch");
        }
        DictionaryBatch db = (DictionaryBatch) message.header(new DictionaryBatch());
        if (db.id() != id) {
          continue;
        }
        if (db.isDelta() || out != null) {
          throw new IOException("dictionary " + db.id() + " is replaced or extended (delta); not supported");
        }
        BatchLayout dictLayout = BatchLayout.of(List.of(valueField));
        RecordBatch rb = db.data();
        dictLayout.check(rb, block.getBodyLength());
        try (FieldVector values = dictLayout.load(0, rb, body(region, block), allocator)) {
          out = decodeChecked(values); // load checked them
        }
      } catch (IOException | RuntimeException e) {
        throw new IOException(path + ": dictionary batch at offset " + block.getOffset() + ": "
            + e.getMessage(), e);
      } finally {
        region.close();
      }
    }
    if (out == null) {
      throw new IOException(path + ": dictionary " + id + " is missing");
    }
    return out;
  }

  /** Decodes a dictionary of strings (validating its offsets first); null entries stay null. */
  public static String[] decodeStrings(FieldVector values) throws IOException {
    try {
      ValueVectorUtility.validate(values);
      VariableWidthCheck.check(values);
    } catch (RuntimeException | IOException e) {
      throw new IOException("invalid dictionary values: " + e.getMessage(), e);
    }
    return decodeChecked(values);
  }

  /** Decodes dictionary values that {@link BatchLayout#load} (or the caller) has checked. */
  private static String[] decodeChecked(FieldVector values) throws IOException {
    String[] out = new String[values.getValueCount()];
    for (int i = 0; i < out.length; i++) {
      if (values.isNull(i)) {
        continue;
      }
      byte[] bytes;
      if (values instanceof VarCharVector v) {
        bytes = v.get(i);
      } else if (values instanceof LargeVarCharVector v) {
        bytes = v.get(i);
      } else {
        throw new IOException("dictionary of type " + values.getField().getType() + " is not supported");
      }
      out[i] = new String(bytes, StandardCharsets.UTF_8);
    }
    return out;
  }

  /**
   * A buffer covering a block (metadata then body) with one reference owned by the caller. The
   * footer reader has already checked the block lies inside the file.
   */
  private ArrowBuf region(ArrowBlock block) throws IOException {
    long length = block.getMetadataLength() + block.getBodyLength();
    if (whole != null) {
      whole.getReferenceManager().retain();
      return whole.slice(block.getOffset(), length);
    }
    if (length > maxMapBytes) {
      throw new IOException("block of " + length + " bytes exceeds the mapping limit of " + maxMapBytes);
    }
    return map(block.getOffset(), length);
  }

  private static Message message(ArrowBuf region, ArrowBlock block) throws IOException {
    byte[] bytes = new byte[IpcMessages.metadataLength(block)];
    region.getBytes(0, bytes);
    return IpcMessages.parse(ByteBuffer.wrap(bytes), block);
  }

  private static ArrowBuf body(ArrowBuf region, ArrowBlock block) {
    return region.slice(block.getMetadataLength(), block.getBodyLength());
  }

  private ArrowBuf map(long offset, long length) throws IOException {
    MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, offset, length);
    long address = MemoryUtil.getByteBufferAddress(mapped);
    return allocator.wrapForeignAllocation(new ForeignAllocation(length, address) {
      @Override
      protected void release0() {
        Unmapper.unmap(mapped);
      }
    });
  }

  /** Releases this query's reference to the mapping and closes the file channel. */
  @Override
  public void close() {
    if (whole != null) {
      whole.close();
    }
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // nothing was written; a failed close of a read-only channel loses nothing
    }
  }
}
