package dev.wafer.sql.functions;

import static dev.wafer.sql.testing.FunctionData.ID;
import static dev.wafer.sql.testing.FunctionData.TESTER_ID;
import static dev.wafer.sql.testing.FunctionData.TEST_NAME;
import static dev.wafer.sql.testing.FunctionData.TS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wafer.adapter.WaferMemory;
import dev.wafer.functions.AggregateFunction;
import dev.wafer.functions.Aggregator;
import dev.wafer.functions.FunctionKind;
import dev.wafer.functions.FunctionMetadata;
import dev.wafer.functions.FunctionRegistry;
import dev.wafer.functions.ObjectArrayArguments;
import dev.wafer.functions.RunningFunction;
import dev.wafer.functions.ScalarFunction;
import dev.wafer.functions.Signature;
import dev.wafer.sql.testing.FunctionData;
import dev.wafer.sql.testing.ResultRows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every function of the library, under every name and signature, called through Wafer's JDBC
 * driver equals the same function computed directly through the functions module's API over the
 * same rows: aggregates per GROUP BY group, scalars per row, running functions per row over
 * {@code OVER (PARTITION BY tester_id ORDER BY ts)}.
 */
class LibraryFunctionsSqlTest {
  /** Approximate sketches may see rows in another order through SQL than in the oracle. */
  private static final double APPROX_TOLERANCE = 0.02;

  @TempDir static Path root;
  static FunctionData data;
  static Connection connection;
  static final FunctionRegistry REGISTRY = FunctionRegistry.classpath();

  @BeforeAll
  static void setUp() throws Exception {
    data = FunctionData.create(root, 3000, 7L);
    connection = DriverManager.getConnection("jdbc:wafer:" + root + ";threads=2");
  }

  @AfterAll
  static void tearDown() throws SQLException {
    connection.close();
  }

  @AfterEach
  void noLeak() {
    assertThat(WaferMemory.root().getAllocatedMemory()).isZero();
  }

  /** One dynamic test per function, name (aliases too) and signature of the given kind. */
  private static Stream<DynamicTest> calls(FunctionKind kind, CallTest test) {
    List<DynamicTest> tests = new ArrayList<>();
    for (FunctionRegistry.Entry e : REGISTRY.entries()) {
      FunctionMetadata md = e.metadata();
      if (md.kind() != kind) {
        continue;
      }
      for (String name : md.allNames()) {
        for (Signature s : md.signatures()) {
          CallPlan plan = CallPlan.of(name, s);
          tests.add(DynamicTest.dynamicTest(plan.sql(), () -> test.run(plan, e.function())));
        }
      }
    }
    assertThat(tests).as(kind + " functions").isNotEmpty();
    return tests.stream();
  }

  @FunctionalInterface
  private interface CallTest {
    void run(CallPlan plan, Object function) throws Exception;
  }

  @TestFactory
  Stream<DynamicTest> aggregatesPerGroupEqualDirectComputation() {
    return calls(FunctionKind.AGGREGATE, (plan, function) -> {
      Map<Object, Object> actual = keyed("SELECT test_name, " + plan.sql() + " FROM test_results GROUP BY test_name");
      Map<Object, Aggregator> expected = new HashMap<>();
      ObjectArrayArguments args = new ObjectArrayArguments();
      for (Object[] row : data.rows()) {
        expected.computeIfAbsent(row[TEST_NAME], k -> Aggregator.of((AggregateFunction<?>) function))
            .accumulateRow(args.wrap(plan.values(row)));
      }
      assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
      boolean approx = plan.sql().startsWith("APPROX_");
      expected.forEach((group, agg) -> assertSame(plan.sql() + " for " + group, agg.result(), actual.get(group), approx));
    });
  }

  @TestFactory
  Stream<DynamicTest> scalarsPerRowEqualDirectComputation() {
    return calls(FunctionKind.SCALAR, (plan, function) -> {
      Map<Object, Object> actual = keyed("SELECT id, " + plan.sql() + " FROM test_results");
      ObjectArrayArguments args = new ObjectArrayArguments();
      assertThat(actual).hasSize(data.rows().size());
      for (Object[] row : data.rows()) {
        Object expected = ((ScalarFunction) function).apply(args.wrap(plan.values(row)));
        assertSame(plan.sql() + " at id " + row[ID], expected, actual.get(row[ID]), false);
      }
    });
  }

  @TestFactory
  Stream<DynamicTest> runningFunctionsPerRowEqualDirectComputation() {
    return calls(FunctionKind.RUNNING, (plan, function) -> {
      Map<Object, Object> expected = running(plan, (RunningFunction) function);
      String over = " OVER (PARTITION BY tester_id ORDER BY ts)";
      assertKeyed(plan.sql() + over, expected, keyed("SELECT id, " + plan.sql() + over + " FROM test_results"));
      String rows = " OVER (PARTITION BY tester_id ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)";
      assertKeyed(plan.sql() + rows, expected, keyed("SELECT id, " + plan.sql() + rows + " FROM test_results"));
    });
  }

  /** The running value of every row: per tester, rows in ts order through one partition state. */
  private static Map<Object, Object> running(CallPlan plan, RunningFunction function) {
    Map<Object, List<Object[]>> partitions = new LinkedHashMap<>();
    for (Object[] row : data.rows()) {
      partitions.computeIfAbsent(row[TESTER_ID], k -> new ArrayList<>()).add(row);
    }
    Map<Object, Object> values = new HashMap<>();
    ObjectArrayArguments args = new ObjectArrayArguments();
    for (List<Object[]> partition : partitions.values()) {
      partition.sort(Comparator.comparing(r -> (java.time.LocalDateTime) r[TS]));
      RunningFunction.State state = function.newState();
      for (Object[] row : partition) {
        values.put(row[ID], state.next(args.wrap(plan.values(row))));
      }
    }
    return values;
  }

  @Test
  void runningFunctionOutsideOverIsAClearError() {
    assertThatThrownBy(() -> keyed("SELECT tester_id, EWMA(test_value, 100, 0.2) FROM test_results GROUP BY tester_id"))
        .hasStackTraceContaining("EWMA is a running function")
        .hasStackTraceContaining("OVER (PARTITION BY");
  }

  @Test
  void functionNamesAreCaseInsensitive() throws SQLException {
    assertKeyed("cpk", keyed("SELECT test_name, CPK(test_value, lo_limit, hi_limit) FROM test_results GROUP BY test_name"),
        keyed("SELECT test_name, cpk(test_value, lo_limit, hi_limit) FROM test_results GROUP BY test_name"));
  }

  private static void assertKeyed(String what, Map<Object, Object> expected, Map<Object, Object> actual) {
    assertThat(actual.keySet()).as(what).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((k, v) -> assertSame(what + " at " + k, v, actual.get(k), false));
  }

  private static void assertSame(String what, Object expected, Object actual, boolean approximate) {
    if (approximate && expected instanceof Number e && actual instanceof Number a) {
      assertThat(a.doubleValue()).as(what).isCloseTo(e.doubleValue(),
          org.assertj.core.api.Assertions.within(APPROX_TOLERANCE * Math.max(1.0, Math.abs(e.doubleValue()))));
      return;
    }
    assertThat(ResultRows.same(expected, actual)).as(what + ": SQL gave " + actual + ", expected " + expected).isTrue();
  }

  /** Runs a two-column query into a map from the first column to the second. */
  static Map<Object, Object> keyed(String sql) throws SQLException {
    Map<Object, Object> result = new HashMap<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        Object previous = result.put(rs.getObject(1), rs.getObject(2));
        assertThat(previous).as("duplicate key " + rs.getObject(1)).isNull();
      }
    }
    return result;
  }
}
