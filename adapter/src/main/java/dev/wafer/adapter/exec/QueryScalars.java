package dev.wafer.adapter.exec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import org.apache.calcite.DataContext;

/**
 * The rows of one-row aggregating scans, kept per query: a scalar aggregate that is both an input
 * of a join and the source of the other input's bound filter ({@link dev.wafer.adapter.rel.ScalarFilter})
 * is scanned once. Keyed weakly by the query's {@link DataContext} (one per execution), so the rows
 * go when the query does; without a context nothing is shared.
 */
final class QueryScalars {
  private static final Map<DataContext, Map<Object, List<Object>>> BY_QUERY = new WeakHashMap<>();

  private QueryScalars() {}

  /** The rows for {@code key} in this query, computed by {@code compute} the first time. */
  static List<Object> rows(DataContext query, Object key, Supplier<List<Object>> compute) {
    if (query == null) {
      return compute.get();
    }
    synchronized (BY_QUERY) {
      List<Object> known = BY_QUERY.getOrDefault(query, Map.of()).get(key);
      if (known != null) {
        return known;
      }
    }
    List<Object> rows = Collections.unmodifiableList(new ArrayList<>(compute.get()));
    synchronized (BY_QUERY) {
      BY_QUERY.computeIfAbsent(query, q -> new HashMap<>()).putIfAbsent(key, rows);
    }
    return rows;
  }
}
