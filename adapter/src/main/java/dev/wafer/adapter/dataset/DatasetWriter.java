package dev.wafer.adapter.dataset;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes a stream of record batches as a partitioned Wafer table (DESIGN §3), atomically.
 *
 * <p>Rows are routed to their partition, buffered per partition into record batches of {@link
 * WriteOptions#batchRows()} rows, and written as Arrow IPC files with per-file and per-batch
 * statistics in the footer. At most {@link WriteOptions#maxOpenFiles()} partitions are open at
 * once, so memory is bounded whatever the number of rows or partitions. Nothing is visible to
 * readers until {@link #commit()}; {@link #close()} without commit leaves the table as it was.
 */
public final class DatasetWriter implements AutoCloseable {
  private final TableTransaction tx;
  private final Schema sourceSchema;
  private final Schema fileSchema;
  private final DictionaryProvider dictionaries;
  private final PartitionSpec spec;
  private final List<Derivation> derivations;
  private final WriteOptions options;
  private final BufferAllocator allocator;
  private final PartitionRouter router;
  private final LinkedHashMap<Integer, PartitionFileSink> open =
      new LinkedHashMap<>(16, 0.75f, true);
  private final List<WrittenFile> written = new ArrayList<>();
  private int fileSeq;
  private int[] ordinals = new int[0];
  private int[] order = new int[0];
  private int[] counts = new int[0];

  private DatasetWriter(TableTransaction tx, Schema sourceSchema, DictionaryProvider dictionaries,
      PartitionSpec spec, List<Derivation> derivations, WriteOptions options,
      BufferAllocator allocator) throws IOException {
    this.tx = tx;
    this.sourceSchema = sourceSchema;
    this.dictionaries = dictionaries;
    this.spec = spec;
    this.derivations = List.copyOf(derivations);
    this.options = options;
    this.allocator = allocator;
    this.router = new PartitionRouter(spec, dictionaries);
    List<Field> kept = new ArrayList<>();
    for (Field f : sourceSchema.getFields()) {
      boolean identityKey = spec.fields().stream()
          .anyMatch(p -> p.isIdentity() && p.column().equals(f.getName()));
      if (!identityKey) {
        kept.add(f);
      }
    }
    this.fileSchema = new Schema(kept, sourceSchema.getCustomMetadata());
    TableMetadata existing = tx.existing();
    if (existing != null && options.mode() == WriteMode.APPEND) {
      checkCompatible(existing);
    }
  }

  /**
   * Opens a writer for {@code root/table}.
   *
   * @param schema schema of the incoming batches (dictionary-encoded fields hold indices)
   * @param dictionaries the fixed dictionaries of those fields
   * @param spec partitioning; its columns must be in {@code schema}
   * @param derivations derived columns to record (e.g. {@code test_date = day(ts)})
   */
  public static DatasetWriter open(Path root, String table, Schema schema,
      DictionaryProvider dictionaries, PartitionSpec spec, List<Derivation> derivations,
      WriteOptions options, BufferAllocator allocator) throws IOException {
    requireNonNull(schema, "schema");
    requireNonNull(dictionaries, "dictionaries");
    requireNonNull(spec, "spec");
    requireNonNull(options, "options");
    requireNonNull(allocator, "allocator");
    for (PartitionField f : spec.fields()) {
      if (schema.getFields().stream().noneMatch(x -> x.getName().equals(f.column()))) {
        throw new PartitionSpecException("unknown partition column '" + f.column() + "'");
      }
    }
    TableTransaction tx = TableTransaction.begin(root, table, options.mode());
    try {
      return new DatasetWriter(tx, schema, dictionaries, spec, derivations, options, allocator);
    } catch (IOException | RuntimeException e) {
      tx.close();
      throw e;
    }
  }

  /**
   * Writes a whole source and commits.
   *
   * @param progress called with the number of rows written after each batch
   */
  public static WriteResult write(Path root, String table, RecordBatchSource source,
      PartitionSpec spec, List<Derivation> derivations, WriteOptions options,
      BufferAllocator allocator, LongConsumer progress) throws IOException {
    try (DatasetWriter w = open(root, table, source.schema(), source.dictionaries(), spec,
        derivations, options, allocator)) {
      long rows = 0;
      while (source.next()) {
        w.write(source.root());
        rows += source.root().getRowCount();
        progress.accept(rows);
      }
      return w.commit();
    }
  }

  /**
   * The file schema as files store it: dictionary fields typed by their values, as an IPC reader
   * sees them, rather than Arrow Java's in-memory form (typed by their indices).
   */
  private Schema storedSchema() {
    java.util.Set<Long> ids = new java.util.HashSet<>();
    List<Field> stored = new ArrayList<>();
    for (Field f : fileSchema.getFields()) {
      stored.add(org.apache.arrow.vector.util.DictionaryUtility.toMessageFormat(f, dictionaries, ids));
    }
    return new Schema(stored, fileSchema.getCustomMetadata());
  }

  private void checkCompatible(TableMetadata existing) throws IOException {
    if (!existing.spec().toString().equals(spec.toString())) {
      throw new IOException("cannot append to " + tx.tableDir()
          + ": table is partitioned by '" + existing.spec() + "', this write by '" + spec + "'");
    }
    List<Field> a = existing.fileSchema().getFields();
    List<Field> b = storedSchema().getFields();
    boolean same = a.size() == b.size();
    for (int i = 0; same && i < a.size(); i++) {
      same = a.get(i).getName().equals(b.get(i).getName())
          && a.get(i).getType().equals(b.get(i).getType())
          && (a.get(i).getDictionary() == null) == (b.get(i).getDictionary() == null);
    }
    if (!same) {
      throw new IOException("cannot append to " + tx.tableDir() + ": schema differs from the table's.\n  table: "
          + existing.fileSchema() + "\n  write: " + fileSchema);
    }
  }

  /** Routes and buffers the rows of one batch. */
  public void write(VectorSchemaRoot batch) throws IOException {
    int rows = batch.getRowCount();
    if (rows == 0) {
      return;
    }
    if (ordinals.length < rows) {
      ordinals = new int[rows];
      order = new int[rows];
    }
    router.route(batch, ordinals);
    int partitions = 0;
    for (int i = 0; i < rows; i++) {
      partitions = Math.max(partitions, ordinals[i] + 1);
    }
    if (counts.length < partitions + 1) {
      counts = new int[Math.max(partitions + 1, counts.length * 2)];
    }
    java.util.Arrays.fill(counts, 0, partitions + 1, 0);
    for (int i = 0; i < rows; i++) {
      counts[ordinals[i] + 1]++;
    }
    for (int p = 0; p < partitions; p++) {
      counts[p + 1] += counts[p];
    }
    // counting sort: rows of one partition become contiguous, in input order
    int[] next = counts.clone();
    for (int i = 0; i < rows; i++) {
      order[next[ordinals[i]]++] = i;
    }
    for (int p = 0; p < partitions; p++) {
      if (counts[p + 1] > counts[p]) {
        sink(p).append(batch, order, counts[p], counts[p + 1]);
      }
    }
  }

  private PartitionFileSink sink(int ordinal) throws IOException {
    PartitionFileSink s = open.get(ordinal);
    if (s != null) {
      return s;
    }
    if (open.size() >= options.maxOpenFiles()) {
      Iterator<Map.Entry<Integer, PartitionFileSink>> eldest = open.entrySet().iterator();
      PartitionFileSink victim = eldest.next().getValue();
      eldest.remove();
      try (victim) {
        victim.finishFile();
      }
    }
    String path = router.path(ordinal);
    Path dir = path.isEmpty() ? tx.stagingDir() : tx.stagingDir().resolve(path);
    s = new PartitionFileSink(path, dir, fileSchema, dictionaries, allocator, options,
        () -> String.format("part-%05d-%s%s", fileSeq++, tx.id(), FileFormat.ARROW.extension()),
        this::fileFinished);
    open.put(ordinal, s);
    return s;
  }

  private void fileFinished(Path staged, String partitionPath, FileStats stats) throws IOException {
    Path file = staged;
    if (options.format() == FileFormat.PARQUET) {
      // Parquet dictionary-encodes on its own
      file = ParquetConverter.convert(staged, allocator);
    } else {
      StringDictionaryEncoder.encode(staged, allocator, options.maxDictionaryEntries());
    }
    String rel = tx.stagingDir().relativize(file).toString().replace('\\', '/');
    written.add(new WrittenFile(rel, partitionPath, stats.file().rows(), Files.size(file),
        stats.batches().size()));
  }

  /** Finishes every open file and publishes the write atomically. */
  public WriteResult commit() throws IOException {
    for (PartitionFileSink s : open.values()) {
      s.finishFile();
    }
    closeSinks();
    tx.commit(metadata());
    return new WriteResult(tx.table(), written);
  }

  private TableMetadata metadata() {
    List<PartitionColumn> pcs = new ArrayList<>();
    List<Derivation> ds = new ArrayList<>(derivations);
    for (PartitionField f : spec.fields()) {
      Field source = sourceSchema.findField(f.column());
      PartitionTransform t = f.transform();
      String type;
      if (t instanceof PartitionTransform.Identity) {
        type = SqlTypes.of(source);
      } else if (t instanceof PartitionTransform.Day) {
        type = "DATE";
      } else if (t instanceof PartitionTransform.Hash) {
        type = "INTEGER";
      } else {
        type = "VARCHAR";
      }
      pcs.add(new PartitionColumn(f.key(), type));
      if (!f.isIdentity()) {
        ds.add(new Derivation(f.key(), f.column(), t.specText()));
      }
    }
    return new TableMetadata(storedSchema(), options.format(), spec, pcs, ds);
  }

  private void closeSinks() {
    RuntimeException failure = null;
    for (PartitionFileSink s : open.values()) {
      try {
        s.close();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    open.clear();
    if (failure != null) {
      throw failure;
    }
  }

  /** Releases all buffers; without a prior {@link #commit()}, discards everything written. */
  @Override
  public void close() throws IOException {
    try {
      closeSinks();
    } finally {
      tx.close();
    }
  }
}
