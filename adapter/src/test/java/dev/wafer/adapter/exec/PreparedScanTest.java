package dev.wafer.adapter.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.WaferMemory;
import dev.wafer.adapter.predicate.CompareOp;
import dev.wafer.adapter.predicate.ScanPredicate;
import dev.wafer.adapter.rel.ScanSpec;
import dev.wafer.adapter.table.ColumnKind;
import dev.wafer.adapter.table.TableLayout;
import dev.wafer.adapter.table.TableLayoutLoader;
import dev.wafer.adapter.testing.ArrowTestWriter;
import dev.wafer.adapter.testing.TestColumn;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a prepared scan works out once for all executions of a plan. */
class PreparedScanTest {
  private static final ArrowType BIGINT = new ArrowType.Int(64, true);
  @TempDir Path root;

  private static List<Object[]> rows(int from, int n) {
    List<Object[]> out = new ArrayList<>();
    for (int i = from; i < from + n; i++) {
      out.add(new Object[] {(long) i, "k" + (i % 3)});
    }
    return out;
  }

  /** Arrow files of 3 and 2 batches around a Parquet file: the layout's files in path order. */
  private TableLayout mixedTable() throws Exception {
    List<TestColumn> columns = List.of(TestColumn.of("id", BIGINT), TestColumn.dict("k"));
    ArrowTestWriter.write(root.resolve("t/a.arrow"), columns, rows(0, 10), 4, true);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("COPY (SELECT i::BIGINT AS id, 'k' || (i % 3) AS k FROM range(100, 107) r(i)) TO '"
          + root.resolve("t/b.parquet") + "' (FORMAT PARQUET)");
    }
    ArrowTestWriter.write(root.resolve("t/c.arrow"), columns, rows(200, 8), 4, true);
    return TableLayoutLoader.load(root.resolve("t"), WaferMemory.root());
  }

  @Test
  void everyArrowBatchIsAMorselAndAParquetFileIsOne() throws Exception {
    TableLayout layout = mixedTable();
    ScanSpec spec = ScanSpec.full("t", layout);
    assertThat(spec.files()).extracting(f -> f.file().path().getFileName().toString())
        .containsExactly("a.arrow", "b.parquet", "c.arrow");
    PreparedScan prepared = PreparedScan.of(spec);

    assertThat(prepared.unbound()).isFalse();
    assertThat(prepared.morsels()).isEqualTo(3 + 1 + 2);
    int[][] expected = {{0, 0}, {0, 1}, {0, 2}, {1, 0}, {2, 0}, {2, 1}};
    for (int m = 0; m < expected.length; m++) {
      assertThat(new int[] {prepared.morselFile(m), prepared.morselBatch(m)}).as("morsel %d", m)
          .containsExactly(expected[m]);
    }
    assertThat(new int[] {prepared.fileMorsels(0), prepared.fileMorsels(1), prepared.fileMorsels(2)})
        .containsExactly(3, 1, 2);
    assertThat(prepared.batches()).isEqualTo(spec.batches());
    assertThat(prepared.description()).isEqualTo(spec.describe());
  }

  @Test
  void theLoadedColumnsAreTheOutputsThenThoseOnlyThePredicateReads() throws Exception {
    TableLayout layout = mixedTable();
    ScanSpec spec = ScanSpec.full("t", layout).withColumns(List.of(1))
        .withPredicate(new ScanPredicate.Compare(new ScanPredicate.Column(0, "id", ColumnKind.BIGINT, 0), CompareOp.GE, 5L));
    PreparedScan prepared = PreparedScan.of(spec);

    assertThat(prepared.columns().columns).extracting(c -> c.name()).containsExactly("k", "id");
    assertThat(prepared.columns().outputs).isEqualTo(1);
    assertThat(prepared.columns().filter).isNotNull();
    assertThat(prepared.description()).contains("filter=[").isEqualTo(spec.describe());
  }

  @Test
  void aScanWithoutFilesHasNoMorsels() throws Exception {
    ScanSpec spec = ScanSpec.full("t", mixedTable()).withFiles(List.of());
    PreparedScan prepared = PreparedScan.of(spec);
    assertThat(prepared.morsels()).isZero();
    assertThat(prepared.batches()).isZero();
  }
}
