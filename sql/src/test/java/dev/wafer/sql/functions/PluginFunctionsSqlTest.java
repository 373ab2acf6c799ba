package dev.wafer.sql.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.WaferMemory;
import dev.wafer.functions.FunctionRegistry;
import dev.wafer.functions.plugin.PluginJars;
import dev.wafer.sql.testing.FunctionData;
import dev.wafer.sql.testing.ResultRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin jars compiled by the test, loaded through {@code plugins=DIR} (and the default
 * {@code <root>/_plugins}), are callable from SQL: an aggregate in GROUP BY, a scalar, a running
 * function in OVER. Broken jars (a throwing provider, a name clash with a built-in) are listed in
 * {@code sys.functions} as warnings naming the jar, and everything else keeps working.
 */
class PluginFunctionsSqlTest {
  private static final String PROVIDER = """
      package example;

      import dev.wafer.functions.*;
      import dev.wafer.functions.vector.NumericReader;
      import java.util.List;
      import org.apache.arrow.vector.ValueVector;

      public final class SquaresProvider implements FunctionProvider {
        public static final class State { double sum; long n; }

        static final class SumSquares implements AggregateFunction<State> {
          public FunctionMetadata metadata() {
            return FunctionMetadata.builder("SUM_SQUARES", FunctionKind.AGGREGATE)
                .signature(Signature.of(SqlType.DOUBLE, "x", SqlType.NUMERIC))
                .description("sum of squares").definition("Σ x²").build();
          }
          public State createState() { return new State(); }
          public void accumulate(State s, ValueVector[] args, int[] sel, int count) {
            double[] xs = NumericReader.scratch(count);
            int n = NumericReader.gather(args[0], sel, count, xs);
            for (int i = 0; i < n; i++) { s.sum += xs[i] * xs[i]; s.n++; }
          }
          public void accumulateRow(State s, Arguments row) {
            if (!row.isNull(0)) { double x = row.getDouble(0); s.sum += x * x; s.n++; }
          }
          public void merge(State t, State o) { t.sum += o.sum; t.n += o.n; }
          public Object result(State s) { return s.n == 0 ? null : s.sum; }
        }

        public String name() { return "example-squares"; }

        public List<AggregateFunction<?>> aggregateFunctions() { return List.of(new SumSquares()); }

        public List<ScalarFunction> scalarFunctions() {
          return List.of(ScalarFunction.of(FunctionMetadata.builder("TWICE", FunctionKind.SCALAR)
              .signature(Signature.of(SqlType.DOUBLE, "x", SqlType.NUMERIC)).description("2x").build(),
              a -> a.isNull(0) ? null : 2 * a.getDouble(0)));
        }

        public List<RunningFunction> runningFunctions() {
          return List.of(RunningFunction.of(FunctionMetadata.builder("RUNNING_COUNT", FunctionKind.RUNNING)
              .signature(Signature.of(SqlType.BIGINT, "x", SqlType.NUMERIC)).description("rows so far").build(),
              () -> new RunningFunction.State() {
                long n;
                public Object next(Arguments row) { if (!row.isNull(0)) { n++; } return n; }
              }));
        }
      }
      """;

  private static final String THROWING = """
      package broken;
      public final class ThrowingProvider implements dev.wafer.functions.FunctionProvider {
        public ThrowingProvider() { throw new IllegalStateException("license file not found"); }
      }
      """;

  private static final String CLASHING = """
      package clash;
      import dev.wafer.functions.*;
      import java.util.List;
      public final class ClashProvider implements FunctionProvider {
        public List<ScalarFunction> scalarFunctions() {
          return List.of(ScalarFunction.of(FunctionMetadata.builder("CPK", FunctionKind.SCALAR)
              .signature(Signature.of(SqlType.DOUBLE, "x", SqlType.NUMERIC)).build(), a -> 0.0));
        }
      }
      """;

  @TempDir static Path work;
  static Path root;
  static FunctionData data;

  @BeforeAll
  static void setUp() throws Exception {
    root = work.resolve("dataset");
    data = FunctionData.create(root, 1200, 5L);
    PluginJars.build(work, "squares.jar", Map.of("example.SquaresProvider", PROVIDER),
        List.of("example.SquaresProvider"));
    PluginJars.build(work, "throwing.jar", Map.of("broken.ThrowingProvider", THROWING),
        List.of("broken.ThrowingProvider"));
    PluginJars.build(work, "clash.jar", Map.of("clash.ClashProvider", CLASHING), List.of("clash.ClashProvider"));
  }

  @AfterEach
  void noLeak() {
    assertThat(WaferMemory.root().getAllocatedMemory()).isZero();
  }

  @Test
  void pluginFunctionsAreCallableAndBrokenPluginsAreListed() throws SQLException {
    Path plugins = work.resolve("plugins");
    try (Connection c = DriverManager.getConnection("jdbc:wafer:" + root + ";threads=2;plugins=" + plugins)) {
      assertPluginsWork(c, plugins);
    }
  }

  @Test
  void defaultPluginsDirectoryIsUnderTheRoot() throws Exception {
    Path other = work.resolve("dataset2");
    FunctionData.create(other, 300, 6L);
    Path plugins = Files.createDirectories(other.resolve("_plugins"));
    Files.copy(work.resolve("plugins/squares.jar"), plugins.resolve("squares.jar"));
    try (Connection c = DriverManager.getConnection("jdbc:wafer:" + other);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT source FROM sys.functions WHERE name = 'TWICE'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo(plugins.resolve("squares.jar").toString());
      // The dataset does not list the plugins directory as a table.
      assertThat(c.getMetaData().getTables(null, "wafer", "_plugins", null).next()).isFalse();
    }
  }

  private static void assertPluginsWork(Connection c, Path plugins) throws SQLException {
    // Aggregate in GROUP BY and scalar per row equal SQL's own arithmetic over the same rows.
    assertSameRows(c, "SELECT test_name, SUM_SQUARES(test_value) FROM test_results GROUP BY test_name",
        "SELECT test_name, SUM(test_value * test_value) FROM test_results GROUP BY test_name");
    assertSameRows(c, "SELECT id, TWICE(test_value) FROM test_results", "SELECT id, 2 * test_value FROM test_results");
    assertSameRows(c, "SELECT id, RUNNING_COUNT(test_value) OVER (PARTITION BY tester_id ORDER BY ts) FROM test_results",
        "SELECT id, COUNT(test_value) OVER (PARTITION BY tester_id ORDER BY ts) FROM test_results");
    // Built-ins still work, and CPK is the built-in aggregate, not the clashing plugin scalar.
    assertSameRows(c, "SELECT test_name, CPK(test_value, lo_limit, hi_limit) FROM test_results GROUP BY test_name",
        "SELECT test_name, CPK(test_value, lo_limit, hi_limit) FROM test_results GROUP BY test_name");

    List<List<Object>> fns = query(c, "SELECT name, kind, signature, source, description FROM sys.functions");
    assertThat(fns).contains(List.of("SUM_SQUARES", "AGGREGATE", "SUM_SQUARES(x NUMERIC) -> DOUBLE",
        plugins.resolve("squares.jar").toString(), "sum of squares"));
    assertThat(fns).contains(List.of("RUNNING_COUNT", "RUNNING", "RUNNING_COUNT(x NUMERIC) -> BIGINT",
        plugins.resolve("squares.jar").toString(), "rows so far"));
    List<List<Object>> warnings = query(c, "SELECT name, source, description FROM sys.functions WHERE kind = 'WARNING'");
    assertThat(warnings).anySatisfy(w -> {
      assertThat(w.get(1)).isEqualTo(plugins.resolve("throwing.jar").toString());
      assertThat((String) w.get(2)).contains("license file not found");
    });
    assertThat(warnings).anySatisfy(w -> {
      assertThat(w.get(0)).isEqualTo("CPK");
      assertThat(w.get(1)).isEqualTo(plugins.resolve("clash.jar").toString());
      assertThat((String) w.get(2)).contains("clashes");
    });
    // Every built-in name is listed.
    Set<Object> names = new HashSet<>();
    fns.forEach(r -> names.add(r.get(0)));
    FunctionRegistry.classpath().functions().forEach(md -> assertThat(names).containsAll(md.allNames()));
  }

  private static void assertSameRows(Connection c, String sql, String reference) throws SQLException {
    List<List<Object>> expected = query(c, reference);
    assertThat(expected).isNotEmpty();
    assertThat(ResultRows.difference(expected, query(c, sql))).as(sql).isNull();
  }

  private static List<List<Object>> query(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return ResultRows.read(rs);
    }
  }
}
