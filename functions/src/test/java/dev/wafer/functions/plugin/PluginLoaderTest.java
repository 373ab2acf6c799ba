package dev.wafer.functions.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.functions.AggregateFunction;
import dev.wafer.functions.Aggregator;
import dev.wafer.functions.FunctionKind;
import dev.wafer.functions.FunctionRegistry;
import dev.wafer.functions.ObjectArrayArguments;
import dev.wafer.functions.builtin.BuiltinFunctionProvider;
import dev.wafer.functions.testing.ArrowTest;
import dev.wafer.functions.testing.Batch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.vector.ValueVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin SPI end to end: an example plugin compiled by the test into its own jar is
 * discovered from a plugins directory and runs vectorized, row at a time and merged; broken
 * jars (missing class, throwing constructor, name clash with a built-in, no provider) become
 * warnings naming the jar and the function while everything else keeps loading.
 */
class PluginLoaderTest extends ArrowTest {
  /** A RANGE_WIDTH(x) = max − min aggregate and a HALF(x) scalar, written as a plugin author would. */
  private static final String EXAMPLE_PROVIDER = """
      package example;

      import dev.wafer.functions.*;
      import dev.wafer.functions.vector.NumericReader;
      import java.util.List;
      import org.apache.arrow.vector.ValueVector;

      public final class RangeProvider implements FunctionProvider {
        public static final class State { double min = Double.POSITIVE_INFINITY; double max = Double.NEGATIVE_INFINITY; }

        static final class RangeWidth implements AggregateFunction<State> {
          public FunctionMetadata metadata() {
            return FunctionMetadata.builder("RANGE_WIDTH", FunctionKind.AGGREGATE)
                .aliases("SPREAD")
                .signature(Signature.of(SqlType.DOUBLE, "x", SqlType.NUMERIC))
                .description("max minus min").definition("max(x) - min(x)").build();
          }
          public State createState() { return new State(); }
          public void accumulate(State s, ValueVector[] args, int[] sel, int count) {
            double[] xs = NumericReader.scratch(count);
            int n = NumericReader.gather(args[0], sel, count, xs);
            for (int i = 0; i < n; i++) { s.min = Math.min(s.min, xs[i]); s.max = Math.max(s.max, xs[i]); }
          }
          public void accumulateRow(State s, Arguments row) {
            if (!row.isNull(0)) { double x = row.getDouble(0); s.min = Math.min(s.min, x); s.max = Math.max(s.max, x); }
          }
          public void merge(State target, State other) {
            target.min = Math.min(target.min, other.min); target.max = Math.max(target.max, other.max);
          }
          public Object result(State s) { return s.min > s.max ? null : s.max - s.min; }
        }

        public String name() { return "example-range"; }

        public List<AggregateFunction<?>> aggregateFunctions() { return List.of(new RangeWidth()); }

        public List<ScalarFunction> scalarFunctions() {
          return List.of(ScalarFunction.of(FunctionMetadata.builder("HALF", FunctionKind.SCALAR)
              .signature(Signature.of(SqlType.DOUBLE, "x", SqlType.NUMERIC)).build(),
              a -> a.isNull(0) ? null : a.getDouble(0) / 2));
        }
      }
      """;

  private static final String THROWING_PROVIDER = """
      package broken;
      public final class ThrowingProvider implements dev.wafer.functions.FunctionProvider {
        public ThrowingProvider() { throw new IllegalStateException("license file not found"); }
      }
      """;

  /** Defines CPK (taken by the built-in) next to a function with a fresh name. */
  private static final String CLASHING_PROVIDER = """
      package clash;
      import dev.wafer.functions.*;
      import java.util.List;
      public final class ClashProvider implements FunctionProvider {
        private static ScalarFunction constant(String name) {
          return ScalarFunction.of(FunctionMetadata.builder(name, FunctionKind.SCALAR)
              .signature(Signature.of(SqlType.DOUBLE)).build(), a -> 42.0);
        }
        public List<ScalarFunction> scalarFunctions() { return List.of(constant("CPK"), constant("ANSWER")); }
      }
      """;

  @TempDir
  Path work;

  private FunctionRegistry loadAll(PluginLoader loader) throws Exception {
    PluginJars.build(work, "a-example.jar", Map.of("example.RangeProvider", EXAMPLE_PROVIDER),
        List.of("example.RangeProvider"));
    PluginJars.build(work, "b-missing-class.jar", Map.of(), List.of("missing.NoSuchProvider"));
    PluginJars.build(work, "c-throwing.jar", Map.of("broken.ThrowingProvider", THROWING_PROVIDER),
        List.of("broken.ThrowingProvider"));
    PluginJars.build(work, "d-clash.jar", Map.of("clash.ClashProvider", CLASHING_PROVIDER),
        List.of("clash.ClashProvider"));
    PluginJars.build(work, "e-no-provider.jar", Map.of(), List.of());
    return loader.load(FunctionRegistry.classpath());
  }

  @Test
  void discoversTheExamplePluginAndKeepsTheBuiltins() throws Exception {
    try (PluginLoader loader = new PluginLoader(work.resolve("plugins"))) {
      FunctionRegistry registry = loadAll(loader);
      FunctionRegistry.Entry range = registry.lookup("range_width").orElseThrow();
      assertThat(range.source()).endsWith("a-example.jar");
      assertThat(range.metadata().kind()).isEqualTo(FunctionKind.AGGREGATE);
      assertThat(registry.lookup("SPREAD")).contains(range);
      assertThat(registry.scalar("HALF").orElseThrow().apply(new ObjectArrayArguments().wrap(3.0))).isEqualTo(1.5);
      assertThat(registry.lookup("CPK").orElseThrow().source()).contains(BuiltinFunctionProvider.NAME);
      assertThat(registry.functions().size()).isEqualTo(FunctionRegistry.classpath().functions().size() + 3);
    }
  }

  @Test
  void pluginAggregateRunsVectorizedByRowAndMerged() throws Exception {
    try (PluginLoader loader = new PluginLoader(work.resolve("plugins"))) {
      AggregateFunction<?> range = loadAll(loader).aggregate("RANGE_WIDTH").orElseThrow();
      Random random = new Random(3);
      List<List<Object>> rows = new ArrayList<>();
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < 2000; i++) {
        Double x = i % 10 == 0 ? null : random.nextGaussian();
        rows.add(Arrays.asList(x));
        if (x != null) {
          min = Math.min(min, x);
          max = Math.max(max, x);
        }
      }
      try (Batch batch = Batch.of(allocator, rows, 1)) {
        ValueVector[] vectors = batch.vectors();
        assertThat(Aggregator.of(range).accumulate(vectors, null, rows.size()).result()).isEqualTo(max - min);
        int[] even = new int[rows.size() / 2];
        int[] odd = new int[rows.size() / 2];
        for (int i = 0; i < even.length; i++) {
          even[i] = 2 * i;
          odd[i] = 2 * i + 1;
        }
        Aggregator left = Aggregator.of(range).accumulate(vectors, even, even.length);
        Aggregator right = Aggregator.of(range).accumulate(vectors, odd, odd.length);
        assertThat(left.merge(right).result()).as("merged partials").isEqualTo(max - min);
      }
      Aggregator byRow = Aggregator.of(range);
      ObjectArrayArguments args = new ObjectArrayArguments();
      rows.forEach(r -> byRow.accumulateRow(args.wrap(r.toArray())));
      assertThat(byRow.result()).as("row path").isEqualTo(max - min);
    }
  }

  @Test
  void brokenPluginsBecomeWarningsNamingJarAndFunction() throws Exception {
    try (PluginLoader loader = new PluginLoader(work.resolve("plugins"))) {
      FunctionRegistry registry = loadAll(loader);
      List<PluginWarning> warnings = registry.warnings();
      assertThat(warnings).anySatisfy(w -> {
        assertThat(w.source()).endsWith("b-missing-class.jar");
        assertThat(w.reason()).contains("missing.NoSuchProvider");
      });
      assertThat(warnings).anySatisfy(w -> {
        assertThat(w.source()).endsWith("c-throwing.jar");
        assertThat(w.reason()).contains("broken.ThrowingProvider").contains("license file not found");
      });
      assertThat(warnings).anySatisfy(w -> {
        assertThat(w.source()).endsWith("d-clash.jar");
        assertThat(w.function()).isEqualTo("CPK");
        assertThat(w.toString()).contains("d-clash.jar").contains("CPK").contains(BuiltinFunctionProvider.NAME);
      });
      assertThat(warnings).anySatisfy(w -> {
        assertThat(w.source()).endsWith("e-no-provider.jar");
        assertThat(w.reason()).contains("META-INF/services");
      });
      assertThat(warnings).hasSize(4);
      assertThat(registry.scalar("ANSWER")).as("the clashing jar's other function still loads").isPresent();
      assertThat(registry.aggregate("RANGE_WIDTH")).as("good plugins still load").isPresent();
    }
  }

  @Test
  void missingDirectoryMeansNoPluginsAndNoWarning() throws Exception {
    try (PluginLoader loader = new PluginLoader(work.resolve("absent"))) {
      FunctionRegistry registry = loader.load(FunctionRegistry.classpath());
      assertThat(registry.warnings()).isEmpty();
      assertThat(registry.functions()).hasSameSizeAs(FunctionRegistry.classpath().functions());
    }
  }
}
