package dev.wafer.adapter.arrow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.ipc.message.MessageSerializer;

/**
 * Parses the flatbuffer header of one IPC message from a heap copy of its bytes. Heap buffers are
 * bounds-checked by Java, so garbage in a corrupt file ends in an exception, never a stray read.
 */
final class IpcMessages {
  /** Metadata of one message is small; more than this means a corrupt block. */
  static final int MAX_METADATA_BYTES = 64 << 20;

  private IpcMessages() {}

  /**
   * Parses the message whose metadata (continuation marker, length prefix, flatbuffer, padding)
   * occupies {@code bytes}, as described by {@code block}.
   */
  static Message parse(ByteBuffer bytes, ArrowBlock block) throws IOException {
    bytes.order(ByteOrder.LITTLE_ENDIAN);
    int limit = bytes.remaining();
    if (limit < 4) {
      throw new IOException("message at offset " + block.getOffset() + " is shorter than its prefix");
    }
    int first = bytes.getInt(0);
    int prefix = first == MessageSerializer.IPC_CONTINUATION_TOKEN ? 8 : 4;
    int length = prefix == 8 ? (limit >= 8 ? bytes.getInt(4) : -1) : first;
    if (length <= 0 || (long) prefix + length > limit) {
      throw new IOException("message at offset " + block.getOffset() + " has metadata length "
          + length + " outside its block of " + limit + " bytes");
    }
    ByteBuffer flat = bytes.duplicate().position(prefix).limit(prefix + length).slice()
        .order(ByteOrder.LITTLE_ENDIAN);
    try {
      return Message.getRootAsMessage(flat);
    } catch (RuntimeException e) {
      throw new IOException("unreadable message header at offset " + block.getOffset() + ": " + e, e);
    }
  }

  /** Checks a block's metadata length before bytes are read for it. */
  static int metadataLength(ArrowBlock block) throws IOException {
    int len = block.getMetadataLength();
    if (len < 8 || len > MAX_METADATA_BYTES) {
      throw new IOException("block at offset " + block.getOffset() + " has invalid metadata length " + len);
    }
    return len;
  }
}
