package dev.wafer.adapter.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Values packed end to end in native memory, as a VarChar vector's data buffer holds them, for
 * tests of code that reads UTF-8 values in place. The last values sit at the buffer's end, where
 * no 8-byte word may be read past it.
 */
public final class PackedUtf8 implements AutoCloseable {
  public final long address;
  public final long end;
  public final long[] starts;
  public final int[] lengths;

  public PackedUtf8(List<String> values) {
    List<byte[]> bytes = values.stream().map(v -> v.getBytes(StandardCharsets.UTF_8)).toList();
    long total = bytes.stream().mapToLong(b -> b.length).sum();
    address = MemoryUtil.allocateMemory(Math.max(1, total));
    end = address + total;
    starts = new long[values.size()];
    lengths = new int[values.size()];
    long at = address;
    for (int i = 0; i < bytes.size(); i++) {
      byte[] b = bytes.get(i);
      MemoryUtil.copyToMemory(b, 0, at, b.length);
      starts[i] = at;
      lengths[i] = b.length;
      at += b.length;
    }
  }

  /**
   * A random value of 0 to 19 characters from a small alphabet (so values repeat) with 2- and
   * 4-byte UTF-8 characters among them.
   */
  public static String randomValue(Random r) {
    int length = r.nextInt(20);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      switch (r.nextInt(6)) {
        case 0 -> s.append('é');
        case 1 -> s.append('µ');
        case 2 -> s.appendCodePoint(0x1F600); // four bytes
        default -> s.append((char) ('A' + r.nextInt(4)));
      }
    }
    return s.toString();
  }

  @Override
  public void close() {
    MemoryUtil.freeMemory(address);
  }
}
