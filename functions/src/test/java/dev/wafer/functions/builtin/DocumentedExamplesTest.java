package dev.wafer.functions.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.functions.AggregateFunction;
import dev.wafer.functions.Example;
import dev.wafer.functions.FunctionRegistry;
import dev.wafer.functions.ObjectArrayArguments;
import dev.wafer.functions.RunningFunction;
import dev.wafer.functions.ScalarFunction;
import dev.wafer.functions.testing.Results;
import dev.wafer.functions.testing.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every example printed in the functions' metadata (and so in docs/functions.md) through
 * every execution path, so the documentation cannot drift from the code.
 */
class DocumentedExamplesTest {
  private static final FunctionRegistry REGISTRY = FunctionRegistry.classpath();

  @Test
  void everyBuiltinHasAnExampleAndLoadsWithoutWarnings() {
    assertThat(REGISTRY.warnings()).isEmpty();
    assertThat(REGISTRY.functions()).allSatisfy(f -> assertThat(f.examples()).as(f.name()).isNotEmpty());
    assertThat(REGISTRY.functions()).extracting(f -> f.name()).contains("CP", "CPK", "CPU", "CPL", "PP", "PPK",
        "CPK_ROBUST", "MEDIAN", "PERCENTILE", "IQR", "ROBUST_SIGMA", "MAD", "PAT_LO", "PAT_HI", "YIELD",
        "APPROX_PERCENTILE", "APPROX_COUNT_DISTINCT", "ZSCORE", "ZSCORE_OUTLIER", "MODIFIED_Z", "EWMA",
        "EWMA_SIGNAL", "CUSUM_HI", "CUSUM_LO", "CUSUM_SIGNAL");
  }

  @Test
  void everyExampleMatchesASignature() {
    for (var f : REGISTRY.functions()) {
      for (Example e : f.examples()) {
        int arity = e.rows().get(0).size();
        assertThat(f.signatureWithArity(arity)).as(f.name() + ": " + e.call()).isNotNull();
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> examples() {
    List<DynamicTest> tests = new ArrayList<>();
    for (FunctionRegistry.Entry entry : REGISTRY.entries()) {
      for (Example e : entry.metadata().examples()) {
        tests.add(DynamicTest.dynamicTest(e.call(), () -> check(entry.function(), e)));
      }
    }
    return tests.stream();
  }

  private static void check(Object function, Example e) {
    if (function instanceof AggregateFunction<?> agg) {
      try (BufferAllocator allocator = new RootAllocator()) {
        Results.assertClose("vectorized " + e.call(), e.result(), Run.vectorized(allocator, agg, e.rows()), 1e-6);
        assertThat(allocator.getAllocatedMemory()).isZero();
      }
      Results.assertClose("row path " + e.call(), e.result(), Run.rows(agg, e.rows()), 1e-6);
    } else if (function instanceof ScalarFunction scalar) {
      Object actual = scalar.apply(new ObjectArrayArguments().wrap(e.rows().get(0).toArray()));
      Results.assertClose(e.call(), e.result(), actual, 1e-6);
    } else {
      Results.assertClose(e.call(), e.result(), Run.running((RunningFunction) function, e.rows()), 1e-6);
    }
  }
}
