package dev.wafer.adapter.exec;

import dev.wafer.adapter.WaferOptions;
import dev.wafer.adapter.agg.AggregateSpec;
import dev.wafer.adapter.rel.ScalarBinder;
import dev.wafer.adapter.rel.ScalarFilter;
import dev.wafer.adapter.rel.ScanSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

/**
 * Entry point the generated code of a {@code WaferTableScan} calls: the rows of a scan as an
 * {@link Enumerable} of {@code Object[]}, honouring the statement's cancel flag and query timeout
 * from the {@link DataContext}.
 */
public final class ScanExecution {
  private ScanExecution() {}

  /**
   * The rows of {@code prepared}; each enumeration runs the scan anew.
   *
   * @param scalar whether rows are bare values (one column) rather than {@code Object[]}
   */
  public static Enumerable<Object> enumerable(DataContext root, PreparedScan prepared, WaferOptions options,
      boolean scalar) {
    AtomicBoolean cancelFlag = root == null ? null : DataContext.Variable.CANCEL_FLAG.get(root);
    Object timeout = root == null ? null : root.get(DataContext.Variable.TIMEOUT.camelName);
    long timeoutMillis = timeout instanceof Number n ? n.longValue() : 0;
    ScanSpec spec = prepared.spec();
    Supplier<ScanEnumerator> scan = () -> new ScanEnumerator(bound(root, prepared, options, timeoutMillis), options,
        cancelFlag, timeoutMillis, scalar);
    if (spec.aggregate() != null) {
      return new GroupsOnce(spec.aggregate().keys().isEmpty() ? root : null, spec, scan);
    }
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object> enumerator() {
        return scan.get();
      }
    };
  }

  /** The scan with its scalar filter bound to the values of its source, computed (once per query) now. */
  private static PreparedScan bound(DataContext root, PreparedScan prepared, WaferOptions options,
      long timeoutMillis) {
    if (!prepared.unbound()) {
      return prepared;
    }
    ScanSpec spec = prepared.spec();
    ScalarFilter filter = spec.scalarFilter();
    ScanSpec source = filter.source();
    boolean scalar = filter.sourceRowType().getFieldCount() == 1;
    AtomicBoolean cancelFlag = root == null ? null : DataContext.Variable.CANCEL_FLAG.get(root);
    // a semi-join source is read only up to one row past the limit: past it, no filter is bound
    int limit = filter.semi() ? ScalarFilter.MAX_SEMI_ROWS + 1 : Integer.MAX_VALUE;
    Object key = filter.semi() ? List.of("semi", source) : source;
    List<Object> rows = QueryScalars.rows(root, key, () -> {
      List<Object> all = new ArrayList<>();
      try (ScanEnumerator e = new ScanEnumerator(PreparedScan.of(source), options, cancelFlag, timeoutMillis,
          scalar)) {
        while (all.size() < limit && e.moveNext()) {
          all.add(e.current());
        }
      }
      return all;
    });
    List<Object[]> values = rows.stream().map(r -> scalar ? new Object[] {r} : (Object[]) r).toList();
    // the filter applies to the rows, below an aggregate the scan computes over them
    AggregateSpec aggregate = spec.aggregate();
    ScanSpec rowScan = aggregate == null ? spec : spec.withAggregate(null);
    ScanSpec bound;
    if (filter.semi()) {
      bound = ScalarBinder.bindSemi(rowScan, values);
    } else if (values.size() != 1) {
      throw new IllegalStateException("scalar source of " + spec.table() + " returned " + rows.size() + " rows");
    } else {
      bound = ScalarBinder.bind(rowScan, values.get(0));
    }
    return PreparedScan.of(aggregate == null ? bound : bound.withAggregate(aggregate));
  }

  /**
   * The groups of an aggregating scan, computed by the first enumeration and replayed by later
   * ones: Calcite's nested-loop join opens a new inner enumerator for every outer row (a scalar
   * subquery is such an inner side), and each must not cost a scan. The groups are few by then;
   * their size is bounded by the query memory limit.
   */
  private static final class GroupsOnce extends AbstractEnumerable<Object> {
    private final DataContext query;
    private final ScanSpec spec;
    private final Supplier<ScanEnumerator> scan;
    private List<Object> rows;

    /** @param query the query whose other scans may share the result (one row only), or null */
    GroupsOnce(DataContext query, ScanSpec spec, Supplier<ScanEnumerator> scan) {
      this.query = query;
      this.spec = spec;
      this.scan = scan;
    }

    @Override
    public Enumerator<Object> enumerator() {
      if (rows == null) {
        rows = QueryScalars.rows(query, spec, () -> {
          List<Object> all = new ArrayList<>();
          try (ScanEnumerator groups = scan.get()) {
            while (groups.moveNext()) {
              all.add(groups.current());
            }
          }
          return all;
        });
      }
      return Linq4j.enumerator(rows);
    }
  }

  /**
   * Runs tasks where a scan runs its pooled workers: on a thread pinned to the least busy CPU
   * other than the caller's, where CPU affinity is available (see {@code ScanWorkers}). For
   * measuring the machine as scans meet it (the bench's parallel-start probe).
   */
  public static Executor workerExecutor() {
    return ScanWorkers.shared()::execute;
  }

  /** Whether scan workers are pinned to CPUs in this process (false where affinity is unavailable). */
  public static boolean workersPinned() {
    return ScanWorkers.shared().pinned();
  }

  /** Scan workers running in this process right now. */
  public static int activeWorkers() {
    return ScanRun.activeWorkers();
  }
}
