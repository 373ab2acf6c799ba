package dev.wafer.adapter.exec;

import dev.wafer.adapter.predicate.BatchFilter;
import dev.wafer.adapter.predicate.ScanPredicate;
import dev.wafer.adapter.rel.ScanSpec;
import dev.wafer.adapter.table.TableColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The columns a scan loads: its output columns, then the columns only its pushed predicate reads
 * (loaded to evaluate it, never copied into rows), and the predicate bound to those positions.
 */
final class ScanColumns {
  final List<TableColumn> columns;
  final int outputs;
  /** The pushed predicate bound to scan columns, or null when nothing is pushed. */
  final BatchFilter filter;

  private ScanColumns(List<TableColumn> columns, int outputs, BatchFilter filter) {
    this.columns = columns;
    this.outputs = outputs;
    this.filter = filter;
  }

  static ScanColumns of(ScanSpec spec) {
    List<Integer> ordinals = new ArrayList<>(spec.columns());
    ScanPredicate predicate = spec.predicate();
    if (predicate == null) {
      return new ScanColumns(spec.outputColumns(), ordinals.size(), null);
    }
    BitSet used = new BitSet();
    predicate.columns(used);
    int[] slot = new int[spec.tableColumns().size()];
    Arrays.fill(slot, -1);
    for (int o = used.nextSetBit(0); o >= 0; o = used.nextSetBit(o + 1)) {
      int at = ordinals.indexOf(o);
      if (at < 0) {
        at = ordinals.size();
        ordinals.add(o);
      }
      slot[o] = at;
    }
    List<TableColumn> columns = ordinals.stream().map(spec.tableColumns()::get).toList();
    return new ScanColumns(columns, spec.columns().size(), new BatchFilter(predicate, slot));
  }
}
