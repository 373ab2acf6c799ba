package dev.wafer.adapter.arrow;

import java.io.IOException;
import java.util.List;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TypeLayout;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.util.ValueVectorUtility;

/**
 * Where each top-level field of a schema finds its field node and buffers inside a record batch,
 * so one column can be loaded without touching the others (what {@code VectorLoader} cannot do).
 * Loading checks every buffer against the batch body before slicing it, and validates the vector
 * against its length, so a corrupt batch raises an exception instead of reading stray memory.
 */
final class BatchLayout {
  private final Field[] memoryFields;
  private final int[] nodeStart;
  private final int[] bufferStart;
  private final int[] bufferCount;
  private final int nodes;
  private final int buffers;

  private BatchLayout(List<Field> fields) throws IOException {
    int n = fields.size();
    memoryFields = new Field[n];
    nodeStart = new int[n];
    bufferStart = new int[n];
    bufferCount = new int[n];
    int node = 0;
    int buffer = 0;
    for (int i = 0; i < n; i++) {
      Field memory = memoryField(fields.get(i));
      memoryFields[i] = memory;
      nodeStart[i] = node;
      bufferStart[i] = buffer;
      bufferCount[i] = TypeLayout.getTypeBufferCount(memory.getType());
      int[] counts = count(memory);
      node += counts[0];
      buffer += counts[1];
    }
    nodes = node;
    buffers = buffer;
  }

  /** The layout of record batches of a schema given in IPC message form. */
  static BatchLayout of(List<Field> fields) throws IOException {
    return new BatchLayout(fields);
  }

  /** The in-memory field: a dictionary-encoded field holds its index type. */
  private static Field memoryField(Field field) throws IOException {
    DictionaryEncoding encoding = field.getDictionary();
    if (encoding != null) {
      ArrowType index = encoding.getIndexType() == null ? new ArrowType.Int(32, true) : encoding.getIndexType();
      return new Field(field.getName(), new FieldType(field.isNullable(), index, encoding, field.getMetadata()), null);
    }
    switch (field.getType().getTypeID()) {
      case Utf8View:
      case BinaryView:
      case ListView:
      case LargeListView:
        throw new IOException("column '" + field.getName() + "' has view type " + field.getType()
            + ", which Wafer does not read");
      default:
        break;
    }
    List<Field> children = new java.util.ArrayList<>();
    for (Field c : field.getChildren()) {
      children.add(memoryField(c));
    }
    return new Field(field.getName(), field.getFieldType(), children);
  }

  private static int[] count(Field field) {
    int[] c = {1, TypeLayout.getTypeBufferCount(field.getType())};
    for (Field child : field.getChildren()) {
      int[] cc = count(child);
      c[0] += cc[0];
      c[1] += cc[1];
    }
    return c;
  }

  Field memoryField(int field) {
    return memoryFields[field];
  }

  int fieldCount() {
    return memoryFields.length;
  }

  /** Checks the batch header against this layout and every buffer against the body length. */
  void check(RecordBatch rb, long bodyLength) throws IOException {
    if (rb.compression() != null) {
      throw new IOException("compressed record batches are not supported (codec "
          + rb.compression().codec() + "); write the file uncompressed");
    }
    if (rb.length() < 0 || rb.length() > Integer.MAX_VALUE) {
      throw new IOException("record batch length " + rb.length() + " is invalid");
    }
    if (rb.nodesLength() != nodes || rb.buffersLength() != buffers) {
      throw new IOException("record batch has " + rb.nodesLength() + " field nodes and "
          + rb.buffersLength() + " buffers; the schema needs " + nodes + " and " + buffers);
    }
    Buffer b = new Buffer();
    for (int i = 0; i < buffers; i++) {
      rb.buffers(b, i);
      long end = b.offset() + b.length();
      if (b.offset() < 0 || b.length() < 0 || end > bodyLength || end < b.offset()) {
        throw new IOException("buffer " + i + " (offset " + b.offset() + ", length " + b.length()
            + ") lies outside the record batch body of " + bodyLength + " bytes");
      }
    }
  }

  /**
   * Loads one top-level, non-nested field of a checked batch into a new vector owned by
   * {@code allocator}; the caller closes it.
   */
  FieldVector load(int field, RecordBatch rb, ArrowBuf body, BufferAllocator allocator) throws IOException {
    Field memory = memoryFields[field];
    if (!memory.getChildren().isEmpty()) {
      throw new IOException("nested column '" + memory.getName() + "' cannot be loaded");
    }
    FieldNode node = rb.nodes(nodeStart[field]);
    if (node.length() != rb.length() || node.nullCount() < 0 || node.nullCount() > node.length()) {
      throw new IOException("column '" + memory.getName() + "' has field node (length " + node.length()
          + ", nulls " + node.nullCount() + ") inconsistent with batch length " + rb.length());
    }
    List<ArrowBuf> bufs = new java.util.ArrayList<>(bufferCount[field]);
    Buffer b = new Buffer();
    for (int k = 0; k < bufferCount[field]; k++) {
      rb.buffers(b, bufferStart[field] + k);
      bufs.add(body.slice(b.offset(), b.length()));
    }
    FieldVector vector = memory.createVector(allocator);
    try {
      vector.loadFieldBuffers(new ArrowFieldNode(node.length(), node.nullCount()), bufs);
      ValueVectorUtility.validate(vector);
      VariableWidthCheck.check(vector); // offsets must rise and stay inside the data buffer
      return vector;
    } catch (RuntimeException e) {
      vector.close();
      throw new IOException("column '" + memory.getName() + "': invalid buffers: " + e.getMessage(), e);
    } catch (IOException e) {
      vector.close();
      throw new IOException("column '" + memory.getName() + "': " + e.getMessage(), e);
    }
  }
}
