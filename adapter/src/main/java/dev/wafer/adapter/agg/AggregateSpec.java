package dev.wafer.adapter.agg;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A GROUP BY computed inside the scan: group keys, then aggregate calls, over the scan's columns.
 * The scan then outputs one row per group with the row type of the aggregate it replaced.
 *
 * @param keys group keys, in output order
 * @param calls aggregate calls, in output order after the keys
 * @param rowType the output row type (keys then calls), exactly the replaced Aggregate's
 */
public record AggregateSpec(List<GroupKey> keys, List<AggCall> calls, RelDataType rowType) {
  public AggregateSpec {
    keys = List.copyOf(keys);
    calls = List.copyOf(calls);
    requireNonNull(rowType, "rowType");
    if (rowType.getFieldCount() != keys.size() + calls.size()) {
      throw new IllegalArgumentException("row type " + rowType + " does not have " + keys.size() + " keys and "
          + calls.size() + " calls");
    }
  }

  /** Scan columns (indexes into the scan's columns) the aggregate reads, ascending. */
  public Set<Integer> columns() {
    Set<Integer> out = new TreeSet<>();
    keys.forEach(k -> out.add(k.column()));
    for (AggCall c : calls) {
      if (c.column() >= 0) {
        out.add(c.column());
      }
      if (c.filter() != null) {
        AggPredicate.columns(c.filter(), out);
      }
    }
    return out;
  }

  /** The same aggregate with every scan column index {@code i} replaced by {@code map[i]}. */
  public AggregateSpec remap(int[] map) {
    List<GroupKey> k = new ArrayList<>();
    keys.forEach(g -> k.add(new GroupKey(map[g.column()], g.transform())));
    List<AggCall> c = new ArrayList<>();
    calls.forEach(a -> c.add(new AggCall(a.kind(), a.column() < 0 ? -1 : map[a.column()],
        a.filter() == null ? null : Predicates.remap(a.filter(), map))));
    return new AggregateSpec(k, c, rowType);
  }

  /** As plans print it, with scan column names. */
  public String describe(List<String> columnNames) {
    String group = keys.stream().map(k -> k.transform() == KeyTransform.NONE ? columnNames.get(k.column())
        : k.transform() + "(" + columnNames.get(k.column()) + ")").collect(Collectors.joining(", "));
    String agg = calls.stream().map(c -> c.kind() + "(" + (c.column() < 0 ? "*" : columnNames.get(c.column())) + ")"
        + (c.filter() == null ? "" : " FILTER " + Predicates.describe(c.filter(), columnNames)))
        .collect(Collectors.joining(", "));
    return "group=[" + group + "], calls=[" + agg + "]";
  }
}
