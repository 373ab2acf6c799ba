package dev.wafer.adapter.ingest;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.dataset.DatasetWriter;
import dev.wafer.adapter.dataset.PartitionSpec;
import dev.wafer.adapter.dataset.RecordBatchSource;
import dev.wafer.adapter.dataset.WriteOptions;
import dev.wafer.adapter.dataset.WriteResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests many files of one format into a table, in parallel, so that a bad file neither stops
 * the others nor leaves any of its rows behind:
 *
 * <ol>
 *   <li>every file is scanned in full ({@link FileIngester#scan}); one that fails is reported
 *       with its reason and offset or line, and left out;
 *   <li>the good files' schemas are merged; a file that cannot join is left out likewise;
 *   <li>the good files are read again and written through one {@link DatasetWriter} — one
 *       transaction — which commits only when all are written, so readers see every good file
 *       or, on a crash, nothing new;
 *   <li>side tables (STDF parts and bins) are written, each in its own transaction.
 * </ol>
 */
public final class IngestJob {
  private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);

  /** Progress callbacks, called from worker threads. */
  public interface Listener {
    /** A file finished its scan (pass 1), well or not. */
    void scanned(Path file);

    /** A good file finished being written (pass 2). */
    void written(Path file);
  }

  /** A listener that ignores everything. */
  public static final Listener QUIET = new Listener() {
    @Override
    public void scanned(Path file) {}

    @Override
    public void written(Path file) {}
  };

  /**
   * Where and how to write.
   *
   * @param root dataset root
   * @param table main table name
   * @param partitionBy partition spec text ({@link PartitionSpec#parse}), checked against the
   *     merged schema
   * @param threads files read at once
   */
  public record Target(Path root, String table, String partitionBy, WriteOptions options,
      int threads) {
    public Target {
      requireNonNull(root, "root");
      requireNonNull(table, "table");
      requireNonNull(options, "options");
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be positive: " + threads);
      }
    }
  }

  private IngestJob() {}

  /**
   * Runs an ingest.
   *
   * @throws IOException when the write itself fails (the table is then left as it was)
   * @throws dev.wafer.adapter.dataset.PartitionSpecException when the partition spec does not
   *     fit the data
   */
  public static <S extends FileIngester.Scan> IngestReport run(FileIngester<S> ingester,
      List<Path> files, Target target, BufferAllocator allocator, Listener listener)
      throws IOException {
    requireNonNull(ingester, "ingester");
    requireNonNull(files, "files");
    requireNonNull(target, "target");
    requireNonNull(allocator, "allocator");
    requireNonNull(listener, "listener");
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(target.threads(), files.size())));
    try {
      Map<Path, FileOutcome> outcomes = new LinkedHashMap<>();
      List<S> scans = scanAll(ingester, files, pool, allocator, listener, outcomes);
      Schema schema = null;
      List<S> good = new ArrayList<>();
      for (S s : scans) {
        try {
          schema = ingester.merge(schema, s);
          good.add(s);
        } catch (IngestException e) {
          outcomes.put(s.file(), new FileOutcome(s.file(), 0, 0, e));
        }
      }
      Map<String, WriteResult> tables = new LinkedHashMap<>();
      if (!good.isEmpty()) {
        PartitionSpec spec = PartitionSpec.parse(target.partitionBy(), schema);
        tables.put(target.table(), writeAll(ingester, good, schema, spec, target, pool, allocator, listener));
        for (S s : good) {
          outcomes.put(s.file(), new FileOutcome(s.file(), s.rows(), s.skippedRows(), null));
        }
        for (FileIngester.SideTable side : ingester.sideTables(good, allocator)) {
          try (RecordBatchSource source = side.source()) {
            tables.put(side.name(), DatasetWriter.write(target.root(), side.name(), source,
                PartitionSpec.UNPARTITIONED, List.of(), target.options(), allocator, n -> { }));
          }
        }
      }
      List<FileOutcome> ordered = new ArrayList<>();
      for (Path f : files) {
        ordered.add(outcomes.get(f));
      }
      return new IngestReport(ordered, tables);
    } finally {
      pool.shutdownNow();
    }
  }

  private static <S extends FileIngester.Scan> List<S> scanAll(FileIngester<S> ingester,
      List<Path> files, ExecutorService pool, BufferAllocator allocator, Listener listener,
      Map<Path, FileOutcome> outcomes)
      throws IOException {
    List<Future<S>> futures = new ArrayList<>();
    for (Path f : files) {
      futures.add(pool.submit(() -> {
        try {
          return ingester.scan(f, allocator);
        } finally {
          listener.scanned(f);
        }
      }));
    }
    List<S> scans = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Path f = files.get(i);
      try {
        scans.add(futures.get(i).get());
        outcomes.put(f, null);
      } catch (ExecutionException e) {
        outcomes.put(f, new FileOutcome(f, 0, 0, asIngestError(f, e.getCause())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
    return scans;
  }

  /** Any failure of a file becomes its reported error; an unexpected one is logged in full. */
  private static IngestException asIngestError(Path f, Throwable t) {
    if (t instanceof IngestException ie) {
      return ie;
    }
    if (t instanceof IOException) {
      return IngestException.ofFile(f, t.getMessage() == null ? t.toString() : t.getMessage(), t);
    }
    LOG.warn("unexpected error reading {}", f, t);
    return IngestException.ofFile(f, "unexpected error: " + t, t);
  }

  private static <S extends FileIngester.Scan> WriteResult writeAll(FileIngester<S> ingester,
      List<S> good, Schema schema, PartitionSpec spec, Target target, ExecutorService pool,
      BufferAllocator allocator, Listener listener) throws IOException {
    try (DatasetWriter writer = DatasetWriter.open(target.root(), target.table(), schema,
            new org.apache.arrow.vector.dictionary.DictionaryProvider.MapDictionaryProvider(),
            spec, ingester.derivations(schema), target.options(), allocator);
        VectorSchemaRoot feed = VectorSchemaRoot.create(schema, allocator)) {
      List<Future<?>> futures = new ArrayList<>();
      for (S s : good) {
        futures.add(pool.submit(() -> {
          try (RecordBatchSource source = ingester.open(s, schema, allocator)) {
            while (source.next()) {
              synchronized (writer) {
                hand(source.root(), feed, writer);
              }
            }
          }
          listener.written(s.file());
          return null;
        }));
      }
      for (int i = 0; i < futures.size(); i++) {
        try {
          futures.get(i).get();
        } catch (ExecutionException e) {
          stop(pool);
          throw new IOException("ingest aborted, nothing written: " + good.get(i).file()
              + " read differently the second time: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }
      return writer.commit();
    }
  }

  /** Stops every worker before the writer is closed under them. */
  private static void stop(ExecutorService pool) throws IOException {
    pool.shutdownNow();
    try {
      if (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
        throw new IOException("ingest workers did not stop");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /**
   * Moves a batch's buffers into the writer's single input root (the writer keeps the vectors
   * of the first root it sees) and writes it; the source allocates afresh for its next batch.
   */
  private static void hand(VectorSchemaRoot batch, VectorSchemaRoot feed, DatasetWriter writer)
      throws IOException {
    for (int c = 0; c < feed.getFieldVectors().size(); c++) {
      batch.getVector(c).makeTransferPair(feed.getVector(c)).transfer();
    }
    feed.setRowCount(batch.getRowCount());
    try {
      writer.write(feed);
    } finally {
      feed.clear();
    }
  }
}
