package dev.wafer.adapter.exec;

import dev.wafer.adapter.WaferMemory;
import dev.wafer.adapter.WaferOptions;
import dev.wafer.adapter.agg.AggregateRun;
import dev.wafer.adapter.agg.MemoryBudget;
import dev.wafer.adapter.agg.PartialAggregate;
import dev.wafer.adapter.dataset.FileFormat;
import dev.wafer.adapter.predicate.ScanPruning;
import dev.wafer.adapter.rel.ScanSpec;
import dev.wafer.adapter.table.TableColumn;
import dev.wafer.adapter.table.TableFile;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution of a scan: a morsel-driven pool. Morsels are (file, record batch) pairs for Arrow
 * files and whole files for Parquet; workers claim the next morsel from a shared counter, load
 * only the projected columns (and those the pushed predicate reads), evaluate the predicate into
 * a {@link Selection}, materialize the selected rows in slices and hand them to the consumer
 * through a bounded queue (so a slow consumer stalls the workers instead of filling memory).
 * Batches whose statistics prove the predicate matches no row never become morsels. What the
 * scan did is published to {@link RecentScans} when it closes.
 *
 * <p>Every Arrow buffer comes from a child allocator of {@link WaferMemory#root()} that {@link
 * #close()} closes after the workers have stopped. Workers stop within one queue poll (50 ms) or
 * one batch after the statement is cancelled, its timeout passes, another worker fails, or the
 * consumer closes the scan.
 *
 * <p>With an aggregate in the spec, workers emit no rows: each folds its batches into a
 * thread-local {@link PartialAggregate} (or answers a batch from statistics without loading it),
 * and the merged groups are the scan's only output, handed out once every worker has finished.
 * The consumer's thread runs one of those workers itself in its first {@link #next()}: it would
 * only wait otherwise, and it is already on a CPU, whereas a pooled worker must first be woken
 * (0.1 ms at the median and up to a 4 ms scheduler tick on the 2-core VMs we measure on), which is
 * a large share of a scan of a few milliseconds. A one-thread aggregate wakes no thread at all.
 * Pooled workers are {@link ScanWorkers}' CPU-pinned threads, placed away from the consumer's CPU.
 */
final class ScanRun implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScanRun.class);
  /** Rows per slice handed to the consumer; bounds memory per queued element. */
  static final int SLICE_ROWS = 8192;
  private static final long POLL_MILLIS = 50;
  private static final AtomicInteger ACTIVE_WORKERS = new AtomicInteger();
  private static final AtomicInteger RUN_IDS = new AtomicInteger();

  private final PreparedScan prepared;
  private final ScanSpec spec;
  private final WaferOptions options;
  private final AtomicBoolean cancelFlag;
  private final long deadlineNanos;
  private final long timeoutMillis;
  private final List<TableColumn> columns;
  private final ScanColumns scanColumns;
  private final long startedAtMillis = System.currentTimeMillis();
  private final long startedNanos = System.nanoTime();
  private final AtomicLong batchesSkipped = new AtomicLong();
  private final AtomicLong filesOpened = new AtomicLong();
  private final AtomicLong rowsScanned = new AtomicLong();
  private final AtomicLong rowsReturned = new AtomicLong();
  private final AtomicLong bytesRead = new AtomicLong();
  private final AtomicLong mergeNanos = new AtomicLong();
  private final BufferAllocator allocator;
  private final FileSlot[] files;
  private final AtomicInteger nextMorsel = new AtomicInteger();
  private final ArrayBlockingQueue<Slice> queue;
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private final AtomicInteger finishedWorkers = new AtomicInteger();
  private final WorkerRoster roster = new WorkerRoster();
  private boolean revoked;
  private volatile boolean stop;
  private CountDownLatch done = new CountDownLatch(0);
  private int workers;
  private boolean closed;
  /** The pushed aggregate's execution, or null when the scan emits rows. */
  private final AggregateRun aggregate;
  private boolean aggregateEmitted;
  /** Whether one worker's share is still to be run by the consumer (aggregating scans only). */
  private boolean callerShare;

  ScanRun(PreparedScan prepared, WaferOptions options, AtomicBoolean cancelFlag, long timeoutMillis) {
    if (prepared.unbound()) {
      // running it would silently drop the filter: it must be bound first (ScanExecution)
      throw new IllegalStateException("scan of " + prepared.spec().table() + " has an unbound scalar filter");
    }
    this.prepared = prepared;
    this.spec = prepared.spec();
    this.options = options;
    this.cancelFlag = cancelFlag;
    this.timeoutMillis = timeoutMillis;
    this.deadlineNanos = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000 : Long.MAX_VALUE;
    this.scanColumns = prepared.columns();
    this.columns = scanColumns.columns.subList(0, scanColumns.outputs);
    List<TableFile> specFiles = spec.files();
    this.files = new FileSlot[specFiles.size()];
    for (int f = 0; f < files.length; f++) {
      // batches are pruned by their statistics in the workers, in parallel
      files[f] = new FileSlot(specFiles.get(f), scanColumns.columns, scanColumns.outputs, prepared.fileMorsels(f));
    }
    queue = new ArrayBlockingQueue<>(Math.max(4, 4 * options.threads()));
    aggregate = spec.aggregate() == null ? null
        : new AggregateRun(spec.aggregate(), columns, new MemoryBudget(options.maxQueryMemory()), true);
    allocator = WaferMemory.root().newChildAllocator("scan-" + spec.table() + "-" + RUN_IDS.incrementAndGet(),
        0, Long.MAX_VALUE);
  }

  /** Number of scan workers running in this process (for monitoring and tests). */
  static int activeWorkers() {
    return ACTIVE_WORKERS.get();
  }

  void start() {
    workers = Math.min(options.threads(), prepared.morsels());
    done = new CountDownLatch(workers);
    // a row-emitting scan's consumer must stay free to drain the queue its workers fill
    callerShare = aggregate != null && workers > 0;
    ScanWorkers pool = ScanWorkers.shared();
    int[] placed = pool.place(workers - (callerShare ? 1 : 0));
    roster.expect(placed.length);
    for (int w = 0; w < placed.length; w++) {
      ACTIVE_WORKERS.incrementAndGet();
      try {
        pool.execute(placed[w], this::pooledWork);
      } catch (RuntimeException e) {
        roster.launchFailed();
        ACTIVE_WORKERS.decrementAndGet();
        done.countDown();
        finishedWorkers.incrementAndGet();
        fail(new ScanException("cannot start scan worker: " + e, ScanException.INTERNAL, e));
      }
    }
  }

  private void pooledWork() {
    if (!roster.admit()) {
      return; // revoked: the consumer has counted this worker out and may have closed the scan
    }
    work();
  }

  /**
   * Counts out the pooled workers that have not started, once every morsel is claimed (or the scan
   * is closing): they would find nothing to do. Consumer thread only.
   */
  private void revokeUnstarted() {
    if (revoked) {
      return;
    }
    revoked = true;
    int n = roster.revoke();
    for (int w = 0; w < n; w++) {
      ACTIVE_WORKERS.decrementAndGet();
      finishedWorkers.incrementAndGet();
      done.countDown();
    }
  }

  /**
   * The next slice, or null when the scan is complete.
   *
   * @throws ScanException when a worker failed, the statement was cancelled or timed out; the
   *     scan has released its memory by then
   */
  Slice next() {
    if (callerShare) {
      callerShare = false;
      ACTIVE_WORKERS.incrementAndGet();
      work(); // reports its failures through fail(), like a pooled worker
    }
    try {
      while (true) {
        if (!revoked && (stop || nextMorsel.get() >= prepared.morsels())) {
          revokeUnstarted();
        }
        Slice slice = queue.poll();
        if (slice == null && finishedWorkers.get() != workers) {
          // a timed wait only while workers run: once all are done nothing will wake it
          slice = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
        if (slice != null && slice != Slice.WORKER_DONE) {
          return slice;
        }
        checkInterrupt();
        RuntimeException f = failure.get();
        if (f != null) {
          throw f;
        }
        if (finishedWorkers.get() == workers) {
          return afterWorkers();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new ScanException("scan of " + spec.table() + " interrupted", ScanException.CANCELED, e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** What remains once every worker has finished: queued slices, the merged groups, or the end. */
  private Slice afterWorkers() {
    Slice slice;
    while ((slice = queue.poll()) == Slice.WORKER_DONE) {
      // skip the markers of the other workers
    }
    RuntimeException f = failure.get();
    if (f != null) {
      throw f;
    }
    if (aggregate != null) {
      return aggregateResult();
    }
    return slice;
  }

  /** The merged groups as one slice, once; then null (end of scan). */
  private Slice aggregateResult() {
    if (aggregateEmitted) {
      return null;
    }
    aggregateEmitted = true;
    long m0 = System.nanoTime();
    Object[][] groupColumns = aggregate.result();
    mergeNanos.addAndGet(System.nanoTime() - m0);
    int groups = groupColumns.length == 0 ? 0 : groupColumns[0].length;
    rowsReturned.addAndGet(groups);
    return new Slice(groups, groupColumns);
  }

  private void checkInterrupt() {
    if (cancelFlag != null && cancelFlag.get()) {
      fail(new ScanException("Statement canceled", ScanException.CANCELED));
    } else if (System.nanoTime() > deadlineNanos) {
      fail(new ScanException("query timeout of " + timeoutMillis + " ms exceeded while scanning " + spec.table(),
          ScanException.TIMEOUT));
    }
  }

  private void fail(RuntimeException e) {
    failure.compareAndSet(null, e);
    stop = true;
  }

  private void work() {
    PartialAggregate partial = null;
    try {
      // inside the try: a worker that fails here must still count itself out
      partial = aggregate == null ? null : aggregate.newPartial();
      while (!stop) {
        int m = nextMorsel.getAndIncrement();
        if (m >= prepared.morsels()) {
          break;
        }
        FileSlot slot = files[prepared.morselFile(m)];
        try {
          if (slot.file.file().format() == FileFormat.ARROW) {
            scanArrowBatch(slot, prepared.morselBatch(m), partial);
          } else {
            scanParquet(slot, partial);
          }
        } finally {
          slot.morselDone();
        }
      }
    } catch (ScanException e) {
      fail(e);
    } catch (Throwable t) {
      LOG.debug("scan worker failed", t);
      fail(new ScanException(t.getMessage() == null ? t.toString() : t.getMessage(), ScanException.DATA_CORRUPTED, t));
    } finally {
      if (partial != null) {
        long m0 = System.nanoTime();
        aggregate.finished(partial);
        mergeNanos.addAndGet(System.nanoTime() - m0);
      }
      finishedWorkers.incrementAndGet();
      ACTIVE_WORKERS.decrementAndGet();
      done.countDown();
      queue.offer(Slice.WORKER_DONE); // when the queue is full, the consumer's poll timeout covers it
    }
  }

  private void scanArrowBatch(FileSlot slot, int batch, PartialAggregate partial) throws IOException {
    if (spec.predicate() != null && !ScanPruning.batchMayMatch(spec.predicate(), spec.tableColumns(), slot.file, batch)) {
      batchesSkipped.incrementAndGet();
      return;
    }
    FilePlan plan = slot.plan();
    if (partial != null && answeredFromStatistics(slot, batch, partial)) {
      return;
    }
    var file = slot.arrow(allocator, options.maxMapBytes(), filesOpened);
    try (var loaded = file.load(batch, plan.loadFields)) {
      for (int f : plan.loadFields) {
        bytesRead.addAndGet(loaded.vector(f).getBufferSize());
      }
      RowSlicer slicer = new RowSlicer(plan, batch, loaded::vector, id -> file.dictionary(id));
      consume(slot, batch, slicer, loaded.rows(), partial);
    }
  }

  /**
   * Whether the batch was folded into {@code partial} from its statistics alone: only when the
   * aggregate allows it and the pushed predicate (if any) provably holds for every row of it.
   */
  private boolean answeredFromStatistics(FileSlot slot, int batch, PartialAggregate partial) {
    if (aggregate.statistics() == null) {
      return false;
    }
    if (spec.predicate() != null
        && !ScanPruning.batchAllMatch(spec.predicate(), spec.tableColumns(), slot.file, batch)) {
      return false;
    }
    FilePlan plan = slot.plan();
    return aggregate.statistics().answer(partial, slot.file, batch, plan.fileField, plan.constants);
  }

  /**
   * The per-batch hook: evaluates the pushed predicate into a {@link Selection}, then hands the
   * selected rows to the consumer in slices, or folds them into the worker's partial aggregate.
   */
  private void consume(FileSlot slot, int batch, RowSlicer slicer, int batchRows, PartialAggregate partial)
      throws IOException {
    rowsScanned.addAndGet(batchRows);
    Selection selection = null;
    Object[] constants = slot.plan().constants;
    try {
      if (partial != null && partial.countsOnly() && scanColumns.filter != null) {
        partial.addRows(scanColumns.filter.count(slicer.vectors, slicer.dictionaries, constants, batchRows));
      } else {
        selection = scanColumns.filter == null ? null
            : scanColumns.filter.select(slicer.vectors, slicer.dictionaries, constants, batchRows);
        if (partial != null) {
          partial.accumulate(slicer, batchRows, selection);
        }
      }
    } catch (ScanException e) {
      throw e;
    } catch (RuntimeException e) {
      throw corrupt(slot, batch, e);
    }
    if (partial == null) {
      emitSlices(slot, batch, slicer, selection, batchRows);
    } else {
      checkInterrupt();
    }
  }

  private static ScanException corrupt(FileSlot slot, int batch, RuntimeException e) {
    return new ScanException(slot.file.file().path() + ": record batch " + batch + ": " + e.getMessage(),
        ScanException.DATA_CORRUPTED, e);
  }

  private void scanParquet(FileSlot slot, PartialAggregate partial) throws IOException {
    FilePlan plan = slot.plan();
    try (var scan = dev.wafer.adapter.arrow.ParquetScan.open(slot.file.file().path(), allocator, plan.loadNames)) {
      filesOpened.incrementAndGet();
      var reader = scan.reader();
      int batch = 0;
      while (!stop && reader.loadNextBatch()) {
        var root = reader.getVectorSchemaRoot();
        root.getFieldVectors().forEach(v -> bytesRead.addAndGet(v.getBufferSize()));
        RowSlicer slicer = new RowSlicer(plan, -1,
            field -> root.getVector(slot.file.schema().getFields().get(field).getName()),
            id -> RowSlicer.decode(reader.lookup(id).getVector()));
        consume(slot, batch++, slicer, root.getRowCount(), partial);
      }
    }
  }

  /** Emits the selected rows of a loaded batch in slices. */
  private void emitSlices(FileSlot slot, int batch, RowSlicer slicer, Selection selection, int batchRows)
      throws IOException {
    int rows = Selection.count(selection, batchRows);
    int[] positions = selection == null ? null : selection.positions;
    rowsReturned.addAndGet(rows);
    for (int from = 0; from < rows && !stop; from += SLICE_ROWS) {
      int n = Math.min(SLICE_ROWS, rows - from);
      Object[][] values = new Object[columns.size()][n];
      try {
        slicer.fill(positions, from, values);
      } catch (RuntimeException e) {
        throw corrupt(slot, batch, e);
      }
      offer(new Slice(n, values));
    }
  }

  private void offer(Slice slice) throws IOException {
    try {
      while (!queue.offer(slice, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        checkInterrupt();
        if (stop) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop = true;
    }
    checkInterrupt();
  }

  /**
   * Stops the workers, waits for them, closes the files and the allocator. Idempotent. A worker
   * that does not stop in time (it cannot: every loop checks the stop flag) would leave the
   * allocator open rather than free memory under its feet.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    stop = true;
    if (callerShare) {
      // closed before the first next(): the pooled workers take every morsel; count this one out
      callerShare = false;
      finishedWorkers.incrementAndGet();
      done.countDown();
    }
    revokeUnstarted();
    queue.clear();
    try {
      if (!done.await(30, TimeUnit.SECONDS)) {
        LOG.error("scan workers of {} did not stop; leaving its memory allocated", spec.table());
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("interrupted while stopping scan workers of {}", spec.table());
      return;
    }
    queue.clear();
    for (FileSlot slot : files) {
      slot.close();
    }
    try {
      allocator.close();
    } catch (IllegalStateException e) {
      LOG.error("scan of {} leaked Arrow memory: {}", spec.table(), e.getMessage());
    }
    RecentScans.add(new ScanReport(spec.table(), prepared.description(), startedAtMillis,
        System.nanoTime() - startedNanos, spec.files().size(), filesOpened.get(), prepared.batches(),
        batchesSkipped.get(), rowsScanned.get(),
        rowsReturned.get(), bytesRead.get(), mergeNanos.get()));
  }
}
