package dev.wafer.sql;

import dev.wafer.adapter.exec.RecentScans;
import dev.wafer.adapter.exec.ScanReport;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code sys.scans}: the most recent table scans of this process (newest last, up to {@link
 * RecentScans#CAPACITY}), with what each did: the scan specification (pushed columns, filter,
 * files kept), files opened, batches skipped by statistics, rows scanned and returned, bytes of
 * column buffers read, and elapsed time. The per-query figures {@code explain --analyze} shows.
 */
public final class ScansTable extends AbstractTable implements ScannableTable {
  public static final String NAME = "scans";

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    return f.builder()
        .add("table_name", SqlTypeName.VARCHAR)
        .add("spec", SqlTypeName.VARCHAR)
        .add("started_at", SqlTypeName.TIMESTAMP)
        .add("elapsed_ms", SqlTypeName.DOUBLE)
        .add("files", SqlTypeName.INTEGER)
        .add("files_opened", SqlTypeName.BIGINT)
        .add("batches", SqlTypeName.INTEGER)
        .add("batches_skipped", SqlTypeName.BIGINT)
        .add("rows_scanned", SqlTypeName.BIGINT)
        .add("rows_returned", SqlTypeName.BIGINT)
        .add("bytes_read", SqlTypeName.BIGINT)
        .add("merge_ms", SqlTypeName.DOUBLE)
        .build();
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    List<Object[]> rows = new ArrayList<>();
    for (ScanReport r : RecentScans.list()) {
      rows.add(new Object[] {r.table(), r.spec(), r.startedAtMillis(), r.elapsedNanos() / 1e6, r.files(),
          r.filesOpened(), r.batches(), r.batchesSkipped(), r.rowsScanned(), r.rowsReturned(), r.bytesRead(),
          r.mergeNanos() / 1e6});
    }
    return Linq4j.asEnumerable(rows);
  }
}
