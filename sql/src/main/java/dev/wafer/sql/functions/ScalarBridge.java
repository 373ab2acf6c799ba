package dev.wafer.sql.functions;

import dev.wafer.functions.ObjectArrayArguments;
import dev.wafer.functions.ScalarFunction;

/**
 * Static entry points generated code calls for a Wafer scalar function:
 * {@code ScalarBridge.apply(17, x, mean, sd)}. Java evaluates every argument (including nested
 * calls of Wafer functions) before the call, so one argument array per thread and arity can be
 * reused for every row without one call clobbering another's arguments. Arguments arrive boxed,
 * as Calcite's rows hold them.
 */
public final class ScalarBridge {
  /** Largest arity with a reused argument array (and an {@code apply} overload). */
  static final int MAX_REUSED_ARITY = 4;

  /** Per-thread argument arrays, one per arity, and one accessor over them. */
  private static final class Scratch {
    final Object[][] rows = new Object[MAX_REUSED_ARITY + 1][];
    final ObjectArrayArguments arguments = new ObjectArrayArguments();

    Scratch() {
      for (int n = 0; n <= MAX_REUSED_ARITY; n++) {
        rows[n] = new Object[n];
      }
    }
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private ScalarBridge() {}

  public static Object apply(int handle, Object a0) {
    Scratch s = SCRATCH.get();
    Object[] row = s.rows[1];
    row[0] = a0;
    return call(handle, s, row);
  }

  public static Object apply(int handle, Object a0, Object a1) {
    Scratch s = SCRATCH.get();
    Object[] row = s.rows[2];
    row[0] = a0;
    row[1] = a1;
    return call(handle, s, row);
  }

  public static Object apply(int handle, Object a0, Object a1, Object a2) {
    Scratch s = SCRATCH.get();
    Object[] row = s.rows[3];
    row[0] = a0;
    row[1] = a1;
    row[2] = a2;
    return call(handle, s, row);
  }

  public static Object apply(int handle, Object a0, Object a1, Object a2, Object a3) {
    Scratch s = SCRATCH.get();
    Object[] row = s.rows[4];
    row[0] = a0;
    row[1] = a1;
    row[2] = a2;
    row[3] = a3;
    return call(handle, s, row);
  }

  /** Any other arity (none or more than {@value #MAX_REUSED_ARITY}): the generated code builds the array. */
  public static Object applyArray(int handle, Object[] arguments) {
    return call(handle, SCRATCH.get(), arguments);
  }

  private static Object call(int handle, Scratch s, Object[] row) {
    try {
      return ((ScalarFunction) FunctionHandles.get(handle)).apply(s.arguments.wrap(row));
    } finally {
      // Drop references so a large argument (a string) is not kept alive by the thread.
      java.util.Arrays.fill(row, null);
    }
  }
}
