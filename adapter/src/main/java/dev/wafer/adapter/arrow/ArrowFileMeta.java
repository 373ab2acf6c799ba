package dev.wafer.adapter.arrow;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * What the footer of an Arrow IPC file says: schema (IPC message form, so a dictionary-encoded
 * field carries its value type), dictionary and record-batch blocks, and custom metadata. Every
 * block has been checked to lie inside the file before the footer.
 *
 * @param schema file schema
 * @param dictionaries dictionary-batch blocks
 * @param batches record-batch blocks in file order
 * @param metadata footer custom metadata (Wafer stores its statistics here)
 * @param footerStart file offset where the footer begins; every block ends at or before it
 */
public record ArrowFileMeta(
    Schema schema,
    List<ArrowBlock> dictionaries,
    List<ArrowBlock> batches,
    Map<String, String> metadata,
    long footerStart) {

  public ArrowFileMeta {
    requireNonNull(schema, "schema");
    dictionaries = List.copyOf(dictionaries);
    batches = List.copyOf(batches);
    metadata = Map.copyOf(metadata);
  }
}
