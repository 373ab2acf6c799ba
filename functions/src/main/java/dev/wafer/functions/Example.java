package dev.wafer.functions;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A worked example kept beside a function's code: the call, the argument rows it is applied to
 * and the expected result. Documentation prints it and a test runs it, so a published example
 * cannot drift from the implementation.
 *
 * @param call how the call reads in SQL, e.g. {@code CPK(x, 9.8, 10.2)}
 * @param rows the argument values per input row (one row for a scalar); NULL allowed
 * @param result the expected result (for a running function: its value at the last row); a double
 *     is compared to 1e-6
 */
public record Example(String call, List<List<Object>> rows, Object result) {
  public Example {
    requireNonNull(call, "call is null");
    requireNonNull(rows, "rows is null");
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      copy.add(Collections.unmodifiableList(new ArrayList<>(requireNonNull(row, "row is null"))));
    }
    rows = Collections.unmodifiableList(copy);
  }

  /** An aggregate example whose only varying argument is the first; {@code constants} follow it in every row. */
  public static Example aggregate(String call, double[] xs, Object result, Object... constants) {
    List<List<Object>> rows = new ArrayList<>(xs.length);
    for (double x : xs) {
      List<Object> row = new ArrayList<>(1 + constants.length);
      row.add(x);
      row.addAll(Arrays.asList(constants));
      rows.add(row);
    }
    return new Example(call, rows, result);
  }

  /** A scalar example: one row of arguments. */
  public static Example scalar(String call, Object result, Object... arguments) {
    return new Example(call, List.of(Arrays.asList(arguments)), result);
  }
}
