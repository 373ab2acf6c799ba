package dev.wafer.adapter;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The one Arrow root allocator of the process. Every query scan takes a child of it and closes the
 * child when the scan ends (normally, by failure or by cancellation), so {@code
 * root().getAllocatedMemory()} returns to zero between queries; tests assert exactly that.
 */
public final class WaferMemory {
  private static final RootAllocator ROOT = new RootAllocator();

  private WaferMemory() {}

  public static BufferAllocator root() {
    return ROOT;
  }
}
