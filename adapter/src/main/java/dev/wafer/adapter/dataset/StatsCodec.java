package dev.wafer.adapter.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * JSON form of {@link FileStats}, stored in the Arrow footer under {@link FileStats#FOOTER_KEY}.
 *
 * <pre>{"v":1,"file":{"rows":N,"columns":{"c":{"min":…,"max":…,"nulls":n,"nans":n}}},
 *  "batches":[{"rows":…,"columns":{…}}, …]}</pre>
 *
 * Decimals are written as strings so no precision is lost; decoding needs the schema to turn
 * JSON values back into each column's canonical type.
 */
public final class StatsCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private StatsCodec() {}

  public static String encode(FileStats stats) {
    ObjectNode root = F.objectNode();
    root.put("v", 1);
    root.set("file", encode(stats.file()));
    ArrayNode batches = root.putArray("batches");
    stats.batches().forEach(b -> batches.add(encode(b)));
    return root.toString();
  }

  private static ObjectNode encode(ContainerStats c) {
    ObjectNode node = F.objectNode();
    node.put("rows", c.rows());
    ObjectNode cols = node.putObject("columns");
    c.columns().forEach((name, s) -> {
      ObjectNode col = cols.putObject(name);
      col.set("min", value(s.min()));
      col.set("max", value(s.max()));
      col.put("nulls", s.nullCount());
      if (s.nanCount() > 0) {
        col.put("nans", s.nanCount());
      }
    });
    return node;
  }

  private static JsonNode value(Object v) {
    if (v == null) {
      return F.nullNode();
    } else if (v instanceof Long l) {
      return F.numberNode(l);
    } else if (v instanceof Double d) {
      return F.numberNode(d);
    } else if (v instanceof Boolean b) {
      return F.booleanNode(b);
    } else if (v instanceof BigDecimal d) {
      return F.textNode(d.toPlainString());
    } else if (v instanceof String s) {
      return F.textNode(s);
    }
    throw new IllegalArgumentException("unsupported statistics value " + v.getClass().getName());
  }

  /**
   * Decodes statistics for a file with the given schema.
   *
   * @throws IOException naming the problem when the JSON is malformed
   */
  public static FileStats decode(String json, Schema schema) throws IOException {
    Map<String, StatsValueKind> kinds = new LinkedHashMap<>();
    for (Field f : schema.getFields()) {
      kinds.put(f.getName(), StatsValueKind.of(f));
    }
    try {
      JsonNode root = MAPPER.readTree(json);
      ContainerStats file = decode(root.required("file"), kinds);
      List<ContainerStats> batches = new ArrayList<>();
      for (JsonNode b : root.required("batches")) {
        batches.add(decode(b, kinds));
      }
      return new FileStats(file, batches);
    } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException("malformed " + FileStats.FOOTER_KEY + " metadata: " + e.getMessage(), e);
    }
  }

  private static ContainerStats decode(JsonNode node, Map<String, StatsValueKind> kinds) {
    Map<String, ColumnStats> cols = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.required("columns").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      StatsValueKind kind = kinds.get(e.getKey());
      if (kind == null) {
        continue; // statistics of a column the schema no longer has
      }
      JsonNode c = e.getValue();
      cols.put(e.getKey(), new ColumnStats(
          read(c.get("min"), kind), read(c.get("max"), kind),
          c.path("nulls").asLong(), c.path("nans").asLong(0)));
    }
    return new ContainerStats(node.required("rows").asLong(), cols);
  }

  private static Object read(JsonNode v, StatsValueKind kind) {
    if (v == null || v.isNull()) {
      return null;
    }
    switch (kind) {
      case LONG:
        return v.asLong();
      case DOUBLE:
        return v.asDouble();
      case STRING:
        return v.asText();
      case BOOLEAN:
        return v.asBoolean();
      case DECIMAL:
        return new BigDecimal(v.asText());
      default:
        return null;
    }
  }
}
