package dev.wafer.sql.functions;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Numbers the function objects that generated code calls. Calcite compiles each query to Java
 * source, which can name a class but not an object; Wafer's functions are objects (built-ins and
 * plugins alike), so the generated code names them by a handle: {@code FunctionHandles.get(17)}.
 *
 * <p>Handles are never reused, so source text that mentions a handle always means the same
 * function (Calcite may cache compiled code by its source). The table only grows; it stays small
 * because {@link FunctionCatalog} registers each loaded registry once per JVM.
 */
public final class FunctionHandles {
  private static final Object LOCK = new Object();
  private static final Map<Object, Integer> IDS = new IdentityHashMap<>();
  /** Replaced, never mutated in place, so readers need no lock. */
  private static volatile Object[] table = new Object[0];

  private FunctionHandles() {}

  /** The handle of {@code function}, registering it on first sight. */
  public static int register(Object function) {
    requireNonNull(function, "function is null");
    synchronized (LOCK) {
      Integer id = IDS.get(function);
      if (id != null) {
        return id;
      }
      Object[] grown = Arrays.copyOf(table, table.length + 1);
      grown[table.length] = function;
      IDS.put(function, table.length);
      table = grown;
      return grown.length - 1;
    }
  }

  /** The function registered under {@code handle}. */
  public static Object get(int handle) {
    Object[] t = table;
    if (handle < 0 || handle >= t.length) {
      throw new IllegalArgumentException("no Wafer function with handle " + handle);
    }
    return t[handle];
  }
}
