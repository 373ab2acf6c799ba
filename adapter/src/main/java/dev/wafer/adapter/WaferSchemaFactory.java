package dev.wafer.adapter;

import java.util.Map;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaFactory;
import org.apache.calcite.schema.SchemaPlus;

/**
 * Creates a {@link WaferSchema} from a Calcite model, e.g.
 *
 * <pre>{"name": "wafer", "type": "custom", "factory": "dev.wafer.adapter.WaferSchemaFactory",
 *  "operand": {"directory": "/data/demo", "threads": 2}}</pre>
 *
 * Operand keys: {@code directory} (required), {@code threads}, {@code rules} (on/off).
 */
public final class WaferSchemaFactory implements SchemaFactory {
  public static final WaferSchemaFactory INSTANCE = new WaferSchemaFactory();

  @Override
  public Schema create(SchemaPlus parentSchema, String name, Map<String, Object> operand) {
    return new WaferSchema(WaferOptions.fromOperand(operand));
  }
}
