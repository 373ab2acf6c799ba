package dev.wafer.sql.functions;

import static java.util.Objects.requireNonNull;

import dev.wafer.functions.FunctionMetadata;
import dev.wafer.functions.FunctionRegistry;
import dev.wafer.functions.Signature;
import dev.wafer.functions.plugin.PluginWarning;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code sys.functions}: the connection's SQL functions, one row per callable name and signature
 * (name, kind SCALAR/AGGREGATE/RUNNING, signature, source: {@code classpath (provider)} or the
 * plugin jar, description), followed by one row of kind {@code WARNING} per plugin problem
 * (name: the function or provider concerned, source: the jar, description: the reason), so a
 * user can see in SQL why a plugin function is missing.
 */
public final class FunctionsTable extends AbstractTable implements ScannableTable {
  public static final String NAME = "functions";
  public static final String WARNING = "WARNING";
  private final FunctionRegistry registry;

  public FunctionsTable(FunctionRegistry registry) {
    this.registry = requireNonNull(registry, "registry");
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    return f.builder()
        .add("name", SqlTypeName.VARCHAR).nullable(true)
        .add("kind", SqlTypeName.VARCHAR)
        .add("signature", SqlTypeName.VARCHAR).nullable(true)
        .add("source", SqlTypeName.VARCHAR)
        .add("description", SqlTypeName.VARCHAR)
        .build();
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    List<Object[]> rows = new ArrayList<>();
    for (FunctionRegistry.Entry e : registry.entries()) {
      FunctionMetadata md = e.metadata();
      for (String name : md.allNames()) {
        String description = name.equals(md.name()) ? md.description()
            : "Alias of " + md.name() + ". " + md.description();
        for (Signature s : md.signatures()) {
          rows.add(new Object[] {name, md.kind().name(), s.render(name), e.source(), description});
        }
      }
    }
    for (PluginWarning w : registry.warnings()) {
      rows.add(new Object[] {w.function().isEmpty() ? null : w.function(), WARNING, null, w.source(), w.reason()});
    }
    return Linq4j.asEnumerable(rows);
  }
}
