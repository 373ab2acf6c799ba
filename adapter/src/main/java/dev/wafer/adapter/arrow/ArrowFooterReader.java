package dev.wafer.adapter.arrow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.flatbuf.Footer;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.ipc.message.ArrowFooter;

/**
 * Reads the footer of an Arrow IPC file with a few positional reads (no Arrow memory) and checks
 * every block against the file size, so later zero-copy reads never leave the mapped region.
 * Error messages name the file and what is wrong with it.
 */
public final class ArrowFooterReader {
  private static final byte[] MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);
  /** Magic (6) + padding (2) at the start; footer length (4) + magic (6) at the end. */
  private static final int MIN_SIZE = 8 + 4 + MAGIC.length;

  private ArrowFooterReader() {}

  /** Reads and validates the footer of {@code path}. */
  public static ArrowFileMeta read(Path path) throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      return read(ch, ch.size());
    } catch (IOException e) {
      throw new IOException(path + ": " + e.getMessage(), e);
    }
  }

  static ArrowFileMeta read(FileChannel ch, long size) throws IOException {
    if (size < MIN_SIZE) {
      throw new IOException("not an Arrow IPC file: " + size + " bytes is too short");
    }
    byte[] head = readBytes(ch, 0, MAGIC.length).array();
    ByteBuffer tail = readBytes(ch, size - 10, 10);
    byte[] tailMagic = Arrays.copyOfRange(tail.array(), 4, 10);
    if (!Arrays.equals(head, MAGIC) || !Arrays.equals(tailMagic, MAGIC)) {
      throw new IOException("not an Arrow IPC file (magic bytes 'ARROW1' missing at start or end;"
          + " truncated, or a different format)");
    }
    int footerLength = tail.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
    long footerStart = size - 10 - footerLength;
    if (footerLength <= 0 || footerStart < 8) {
      throw new IOException("footer length " + footerLength + " does not fit in a file of " + size + " bytes");
    }
    ArrowFooter footer;
    try {
      ByteBuffer bytes = readBytes(ch, footerStart, footerLength).order(ByteOrder.LITTLE_ENDIAN);
      footer = new ArrowFooter(Footer.getRootAsFooter(bytes));
    } catch (RuntimeException e) {
      throw new IOException("corrupt footer at offset " + footerStart + ": " + e, e);
    }
    checkBlocks(footer.getDictionaries(), footerStart, "dictionary");
    checkBlocks(footer.getRecordBatches(), footerStart, "record batch");
    return new ArrowFileMeta(footer.getSchema(), footer.getDictionaries(), footer.getRecordBatches(),
        footer.getMetaData(), footerStart);
  }

  /** Row count of every record batch, read from each batch's message header. */
  public static List<Long> batchRowCounts(Path path, ArrowFileMeta meta) throws IOException {
    List<Long> rows = new ArrayList<>(meta.batches().size());
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      for (ArrowBlock block : meta.batches()) {
        ByteBuffer bytes = readBytes(ch, block.getOffset(), IpcMessages.metadataLength(block));
        Message message = IpcMessages.parse(bytes, block);
        if (message.headerType() != MessageHeader.RecordBatch) {
          throw new IOException("block at offset " + block.getOffset() + " is not a record batch");
        }
        long length = ((RecordBatch) message.header(new RecordBatch())).length();
        if (length < 0 || length > Integer.MAX_VALUE) {
          throw new IOException("record batch at offset " + block.getOffset() + " has invalid length " + length);
        }
        rows.add(length);
      }
    } catch (IOException e) {
      throw new IOException(path + ": " + e.getMessage(), e);
    }
    return rows;
  }

  private static void checkBlocks(List<ArrowBlock> blocks, long footerStart, String what) throws IOException {
    for (ArrowBlock b : blocks) {
      long end = b.getOffset() + (long) b.getMetadataLength() + b.getBodyLength();
      if (b.getOffset() < 8 || b.getMetadataLength() < 8 || b.getBodyLength() < 0
          || end > footerStart || end < b.getOffset()) {
        throw new IOException(what + " block (offset " + b.getOffset() + ", metadata "
            + b.getMetadataLength() + ", body " + b.getBodyLength() + ") lies outside the data region"
            + " [8, " + footerStart + ")");
      }
    }
  }

  private static ByteBuffer readBytes(FileChannel ch, long position, int length) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(length);
    while (buf.hasRemaining()) {
      int n = ch.read(buf, position + buf.position());
      if (n < 0) {
        throw new IOException("unexpected end of file at offset " + (position + buf.position()));
      }
    }
    return buf.flip();
  }
}
