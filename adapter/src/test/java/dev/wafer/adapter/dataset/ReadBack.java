package dev.wafer.adapter.dataset;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;

/** Reads rows back with Arrow's own {@link ArrowFileReader}, independent of Wafer's reader. */
public final class ReadBack {
  /** Column values of a row, plus "__file" and "__partition" entries. */
  public static List<Map<String, Object>> rows(Path tableDir, BufferAllocator allocator) throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    for (DataFile f : TableFiles.list(tableDir)) {
      try (FileChannel ch = FileChannel.open(f.path());
          ArrowFileReader reader = new ArrowFileReader(ch, allocator)) {
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        for (ArrowBlock block : reader.getRecordBlocks()) {
          reader.loadRecordBatch(block);
          for (int i = 0; i < root.getRowCount(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (FieldVector v : root.getFieldVectors()) {
              row.put(v.getName(), value(v, i, reader));
            }
            row.put("__file", f.relativePath());
            row.put("__partition", f.partitionPath());
            out.add(row);
          }
        }
      }
    }
    return out;
  }

  /** Rows of a source, decoded the same way. */
  public static List<Map<String, Object>> rows(RecordBatchSource source) throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    while (source.next()) {
      VectorSchemaRoot root = source.root();
      for (int i = 0; i < root.getRowCount(); i++) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (FieldVector v : root.getFieldVectors()) {
          row.put(v.getName(), value(v, i, source.dictionaries()));
        }
        out.add(row);
      }
    }
    return out;
  }

  static Object value(FieldVector v, int i, DictionaryProvider dictionaries) {
    if (v.isNull(i)) {
      return null;
    }
    DictionaryEncoding enc = v.getField().getDictionary();
    if (enc != null) {
      VarCharVector dict = (VarCharVector) dictionaries.lookup(enc.getId()).getVector();
      return new String(dict.get((int) ((BaseIntVector) v).getValueAsLong(i)), StandardCharsets.UTF_8);
    }
    Object o = v.getObject(i);
    return o instanceof org.apache.arrow.vector.util.Text t ? t.toString() : o;
  }
}
