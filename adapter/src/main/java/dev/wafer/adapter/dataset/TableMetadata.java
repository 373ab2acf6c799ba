package dev.wafer.adapter.dataset;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * What Wafer records about a table it wrote, in {@code <table>/_wafer/table.json}: the schema of
 * the data files, the partitioning, the exposed partition columns and their types, and derived
 * columns. Readers use it when present and infer everything from the directory tree otherwise.
 *
 * @param fileSchema Arrow schema of the data files (identity partition columns are not stored
 *     in the files: they live in the directory names)
 * @param format data file format
 * @param spec partitioning
 * @param partitionColumns partition columns in directory order, with SQL types
 * @param derivations derived columns and partition keys, for pruning by their sources
 */
public record TableMetadata(
    Schema fileSchema,
    FileFormat format,
    PartitionSpec spec,
    List<PartitionColumn> partitionColumns,
    List<Derivation> derivations) {

  public static final int FORMAT_VERSION = 1;
  public static final String DIRECTORY = "_wafer";
  public static final String FILE_NAME = "table.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public TableMetadata {
    requireNonNull(fileSchema, "fileSchema");
    requireNonNull(format, "format");
    requireNonNull(spec, "spec");
    partitionColumns = List.copyOf(partitionColumns);
    derivations = List.copyOf(derivations);
  }

  /** Path of the metadata file of a table directory. */
  public static Path path(Path tableDir) {
    return tableDir.resolve(DIRECTORY).resolve(FILE_NAME);
  }

  public static boolean exists(Path tableDir) {
    return Files.isRegularFile(path(tableDir));
  }

  /** Writes the metadata atomically (temporary file, then rename). */
  public void write(Path tableDir) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format_version", FORMAT_VERSION);
    root.put("file_format", format.name().toLowerCase(java.util.Locale.ROOT));
    root.put("partition_spec", spec.toString());
    ArrayNode pcs = root.putArray("partition_columns");
    for (PartitionColumn c : partitionColumns) {
      pcs.addObject().put("name", c.name()).put("type", c.sqlType());
    }
    ArrayNode ds = root.putArray("derived");
    for (Derivation d : derivations) {
      ds.addObject().put("column", d.column()).put("source", d.source()).put("transform", d.transform());
    }
    root.set("file_schema", MAPPER.readTree(fileSchema.toJson()));
    Path target = path(tableDir);
    Files.createDirectories(target.getParent());
    Path tmp = target.resolveSibling("." + FILE_NAME + ".tmp");
    Files.write(tmp, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Reads a table's metadata.
   *
   * @throws IOException naming the file and the problem when it is unreadable or malformed
   */
  public static TableMetadata read(Path tableDir) throws IOException {
    Path file = path(tableDir);
    try {
      JsonNode root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
      int version = root.path("format_version").asInt(-1);
      if (version != FORMAT_VERSION) {
        throw new IOException(file + ": unsupported format_version " + version);
      }
      Schema schema = Schema.fromJSON(root.required("file_schema").toString());
      List<PartitionColumn> pcs = new ArrayList<>();
      for (JsonNode n : root.path("partition_columns")) {
        pcs.add(new PartitionColumn(n.required("name").asText(), n.required("type").asText()));
      }
      List<Derivation> ds = new ArrayList<>();
      for (JsonNode n : root.path("derived")) {
        ds.add(new Derivation(n.required("column").asText(), n.required("source").asText(),
            n.required("transform").asText()));
      }
      String specText = root.path("partition_spec").asText("none");
      PartitionSpec spec = PartitionSpec.parse(specText, specSchema(schema, pcs, ds));
      return new TableMetadata(schema, FileFormat.parse(root.required("file_format").asText()),
          spec, pcs, ds);
    } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(file + ": malformed table metadata: " + e.getMessage(), e);
    }
  }

  /** The schema a spec was parsed against: file columns plus identity partition columns. */
  private static Schema specSchema(Schema fileSchema, List<PartitionColumn> pcs, List<Derivation> ds) {
    List<org.apache.arrow.vector.types.pojo.Field> fields = new ArrayList<>(fileSchema.getFields());
    for (PartitionColumn c : pcs) {
      if (fileSchema.getFields().stream().noneMatch(f -> f.getName().equals(c.name()))) {
        fields.add(org.apache.arrow.vector.types.pojo.Field.nullable(c.name(), SqlTypes.arrowType(c.sqlType())));
      }
    }
    return new Schema(fields);
  }
}
