package dev.wafer.adapter.generate;

import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out the {@link RowBlock}s of a table in order, filled either on the caller's thread or
 * ahead of it by background threads. Blocks are independent (each has its own random stream), so
 * the threads change only the speed, never the content or the order.
 *
 * <p>At most {@code 2 × threads} blocks are in flight; consumed blocks are recycled, so memory
 * stays constant (about 1.3 MB per block) whatever the row count.
 */
final class BlockPipeline implements AutoCloseable {
  private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

  private final long seed;
  private final long totalRows;
  private final long blocks;
  private final int depth;
  private final ExecutorService executor;
  private final ArrayDeque<Future<RowBlock>> inFlight = new ArrayDeque<>();
  private final ArrayDeque<RowBlock> free = new ArrayDeque<>();
  private long nextBlock;
  private RowBlock current;

  /**
   * @param threads background threads; 0 fills every block on the caller's thread
   */
  BlockPipeline(long seed, long totalRows, int threads) {
    this.seed = seed;
    this.totalRows = totalRows;
    this.blocks = (totalRows + RowBlock.ROWS - 1) / RowBlock.ROWS;
    this.depth = 2 * threads;
    if (threads == 0) {
      this.executor = null;
    } else {
      int pool = POOL_NUMBER.incrementAndGet();
      AtomicInteger thread = new AtomicInteger();
      this.executor = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "wafer-generate-" + pool + "-" + thread.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
    }
  }

  /**
   * The next block in row order, or null after the last one. The previous block is recycled and
   * must no longer be read.
   */
  RowBlock next() throws InterruptedIOException {
    if (current != null) {
      free.add(current);
      current = null;
    }
    if (executor == null) {
      if (nextBlock >= blocks) {
        return null;
      }
      RowBlock block = take();
      block.fill(seed, nextBlock++, totalRows);
      current = block;
      return block;
    }
    submitAhead();
    Future<RowBlock> head = inFlight.poll();
    if (head == null) {
      return null;
    }
    current = await(head);
    submitAhead();
    return current;
  }

  private void submitAhead() {
    while (inFlight.size() < depth && nextBlock < blocks) {
      RowBlock block = take();
      long index = nextBlock++;
      inFlight.add(executor.submit(() -> {
        block.fill(seed, index, totalRows);
        return block;
      }));
    }
  }

  private RowBlock take() {
    RowBlock block = free.poll();
    return block != null ? block : new RowBlock();
  }

  private static RowBlock await(Future<RowBlock> future) throws InterruptedIOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException io = new InterruptedIOException("interrupted while generating rows");
      io.initCause(e);
      throw io;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException("generating a block failed", cause);
    }
  }

  /** Stops the background threads; blocks being filled are heap arrays and simply dropped. */
  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
    inFlight.clear();
  }
}
