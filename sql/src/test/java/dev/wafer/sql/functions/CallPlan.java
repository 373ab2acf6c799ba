package dev.wafer.sql.functions;

import static dev.wafer.sql.testing.FunctionData.HI_LIMIT;
import static dev.wafer.sql.testing.FunctionData.LO_LIMIT;
import static dev.wafer.sql.testing.FunctionData.PASSED;
import static dev.wafer.sql.testing.FunctionData.TEST_VALUE;
import static dev.wafer.sql.testing.FunctionData.WAFER_ID;

import dev.wafer.functions.Parameter;
import dev.wafer.functions.Signature;
import dev.wafer.functions.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A call of a library function on {@link dev.wafer.sql.testing.FunctionData}'s columns, built
 * from its signature: the measured argument is a column of the matching type, limits are the
 * limit columns, and every other parameter a constant chosen by its name. The same plan renders
 * the SQL text and the per-row argument values the oracle feeds the function directly. An
 * unknown parameter name fails, so a new library function cannot go untested.
 */
record CallPlan(String sql, List<Object> arguments) {
  private static final String[] COLUMN_NAMES = {"id", "test_name", "tester_id", "wafer_id", "ts", "test_value",
      "lo_limit", "hi_limit", "passed"};

  /** Constants by parameter name; a BIGINT one is a Long, the rest Doubles. */
  private static final Map<String, Object> CONSTANTS = Map.ofEntries(
      Map.entry("p", 0.9), Map.entry("type", 6L), Map.entry("k", 3.0), Map.entry("divisor", 1.34898),
      Map.entry("mu0", 100.0), Map.entry("lambda", 0.2), Map.entry("sigma", 5.0), Map.entry("L", 2.7),
      Map.entry("h", 4.0), Map.entry("mean", 100.0), Map.entry("sd", 5.0), Map.entry("median", 100.0),
      Map.entry("mad_raw", 3.4), Map.entry("threshold", 3.0));

  /** Plans {@code name(...)} for {@code signature}. */
  static CallPlan of(String name, Signature signature) {
    List<String> sqlArgs = new ArrayList<>();
    List<Object> arguments = new ArrayList<>();
    for (int i = 0; i < signature.arity(); i++) {
      Parameter p = signature.parameters().get(i);
      Object a = i == 0 ? firstColumn(p.type()) : argument(name, p);
      arguments.add(a);
      sqlArgs.add(a instanceof Column c ? COLUMN_NAMES[c.index()] : a.toString());
    }
    return new CallPlan(name + "(" + String.join(", ", sqlArgs) + ")", List.copyOf(arguments));
  }

  private static Column firstColumn(SqlType type) {
    return switch (type) {
      case BOOLEAN -> new Column(PASSED);
      case ANY, VARCHAR -> new Column(WAFER_ID);
      default -> new Column(TEST_VALUE);
    };
  }

  private static Object argument(String function, Parameter p) {
    if (p.name().equals("lsl")) {
      return new Column(LO_LIMIT);
    }
    if (p.name().equals("usl")) {
      return new Column(HI_LIMIT);
    }
    Object c = CONSTANTS.get(p.name());
    if (c == null) {
      throw new AssertionError("no test argument for parameter " + p + " of " + function + ": add one to CallPlan");
    }
    return c;
  }

  /** The argument values of one data row, in call order. */
  Object[] values(Object[] row) {
    Object[] values = new Object[arguments.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = arguments.get(i) instanceof Column c ? row[c.index()] : arguments.get(i);
    }
    return values;
  }

  /** An argument read from a data column. */
  record Column(int index) {}
}
