package dev.wafer.adapter.exec;

import dev.wafer.adapter.WaferOptions;
import dev.wafer.adapter.rel.ScanSpec;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Entry point the generated code of a {@code WaferTableScan} calls: the rows of a scan as an
 * {@link Enumerable} of {@code Object[]}, honouring the statement's cancel flag and query timeout
 * from the {@link DataContext}.
 */
public final class ScanExecution {
  private ScanExecution() {}

  /**
   * The rows of {@code spec}; each enumeration runs the scan anew.
   *
   * @param scalar whether rows are bare values (one column) rather than {@code Object[]}
   */
  public static Enumerable<Object> enumerable(DataContext root, ScanSpec spec, WaferOptions options,
      boolean scalar) {
    AtomicBoolean cancelFlag = root == null ? null : DataContext.Variable.CANCEL_FLAG.get(root);
    Object timeout = root == null ? null : root.get(DataContext.Variable.TIMEOUT.camelName);
    long timeoutMillis = timeout instanceof Number n ? n.longValue() : 0;
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object> enumerator() {
        return new ScanEnumerator(spec, options, cancelFlag, timeoutMillis, scalar);
      }
    };
  }

  /** Scan workers running in this process right now. */
  public static int activeWorkers() {
    return ScanRun.activeWorkers();
  }
}
