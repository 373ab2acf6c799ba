package dev.wafer.adapter.dataset;

import dev.wafer.adapter.arrow.NullCounts;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.ValueVector;

/**
 * Copies selected rows of one column into another vector of the same type, appending at a
 * position. Fixed-width columns (numbers, dates, timestamps, dictionary indices: most of a
 * test-results row) are copied through raw addresses, a primitive load and store per value;
 * other columns go through Arrow's {@code copyFromSafe}, which checks and dispatches per value.
 */
final class RowCopier {
  private RowCopier() {}

  /** Copies {@code src[rows[from + k]]} to {@code dst[at + k]} for k in [0, n). */
  static void copy(ValueVector src, ValueVector dst, int[] rows, int from, int n, int at) {
    if (src instanceof BaseFixedWidthVector s && !(src instanceof BitVector)
        && dst instanceof BaseFixedWidthVector d) {
      copyFixedWidth(s, d, rows, from, n, at);
      return;
    }
    for (int k = 0; k < n; k++) {
      dst.copyFromSafe(rows[from + k], at + k, src);
    }
  }

  private static void copyFixedWidth(BaseFixedWidthVector src, BaseFixedWidthVector dst,
      int[] rows, int from, int n, int at) {
    while (dst.getValueCapacity() < at + n) {
      dst.reAlloc();
    }
    int width = src.getTypeWidth();
    long s = src.getDataBufferAddress();
    long d = dst.getDataBufferAddress() + (long) at * width;
    switch (width) {
      case 8:
        for (int k = 0; k < n; k++) {
          MemoryUtil.putLong(d + 8L * k, MemoryUtil.getLong(s + 8L * rows[from + k]));
        }
        break;
      case 4:
        for (int k = 0; k < n; k++) {
          MemoryUtil.putInt(d + 4L * k, MemoryUtil.getInt(s + 4L * rows[from + k]));
        }
        break;
      case 2:
        for (int k = 0; k < n; k++) {
          MemoryUtil.putShort(d + 2L * k, MemoryUtil.getShort(s + 2L * rows[from + k]));
        }
        break;
      case 1:
        for (int k = 0; k < n; k++) {
          MemoryUtil.putByte(d + k, MemoryUtil.getByte(s + rows[from + k]));
        }
        break;
      default:
        for (int k = 0; k < n; k++) {
          MemoryUtil.copyMemory(s + (long) width * rows[from + k], d + (long) width * k, width);
        }
    }
    ArrowBuf dstValidity = dst.getValidityBuffer();
    if (NullCounts.of(src) == 0) {
      for (int k = 0; k < n; k++) {
        BitVectorHelper.setBit(dstValidity, at + k);
      }
    } else {
      ArrowBuf srcValidity = src.getValidityBuffer();
      for (int k = 0; k < n; k++) {
        BitVectorHelper.setValidityBit(dstValidity, at + k,
            BitVectorHelper.get(srcValidity, rows[from + k]));
      }
    }
    // keep valueCount covering the rows written, as copyFromSafe would
    if (dst.getValueCount() < at + n) {
      dst.setValueCount(at + n);
    }
  }
}
