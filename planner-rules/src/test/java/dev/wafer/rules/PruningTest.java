package dev.wafer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.dataset.BucketHash;
import dev.wafer.adapter.dataset.FileFormat;
import dev.wafer.adapter.dataset.PartitionColumn;
import dev.wafer.adapter.dataset.PartitionSpec;
import dev.wafer.adapter.dataset.TableMetadata;
import dev.wafer.adapter.exec.RecentScans;
import dev.wafer.adapter.exec.ScanReport;
import dev.wafer.adapter.testing.ArrowTestWriter;
import dev.wafer.adapter.testing.TestColumn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Partition pruning at plan time and statistics skipping at run time, asserted on what the scan
 * did ({@link ScanReport}: files opened, batches skipped) and always against the rows without
 * rules, so a pruning decision can never change a result.
 */
class PruningTest extends DatasetTestBase {

  @BeforeAll
  static void setUp() throws Exception {
    writeBucketedTable(dir.resolve("dev")); // before the first query lists the tables
  }

  /** Runs a query with and without rules, checks the rows agree, returns the pushed scan's report. */
  private static ScanReport run(String sql) throws Exception {
    List<String> expected = Queries.rows(off, sql);
    List<String> actual = Queries.rows(on, sql);
    ScanReport report = RecentScans.latest();
    assertThat(actual).as(sql).isEqualTo(expected);
    return report;
  }

  @Test
  void partitionPredicateOpensOnlyThatPartitionsFiles() throws Exception {
    ScanReport r = run("select id from t where test_date = date '2024-01-02' order by id");
    assertThat(r.files()).isEqualTo(2);
    assertThat(r.filesOpened()).isEqualTo(2);
    assertThat(r.rowsReturned()).isEqualTo(2 * TestDataset.ROWS_PER_FILE);
    assertThat(Queries.plan(on, "select id from t where test_date = date '2024-01-02'"))
        .contains("files=2/8").contains("partitions=[1/4]");
  }

  @Test
  void timestampRangePrunesDerivedDayPartitionsIncludingBoundaries() throws Exception {
    // [2024-01-02 00:00, 2024-01-03 00:00): the row at exactly 2024-01-03 00:00 is excluded, the
    // one at 2024-01-02 00:00 included
    ScanReport r = run("select id, ts from t where ts >= timestamp '2024-01-02 00:00:00'"
        + " and ts < timestamp '2024-01-03 00:00:00' order by id");
    assertThat(r.filesOpened()).isEqualTo(2);
    // a range ending exactly on a midnight keeps the next day (its first row is on the boundary)
    r = run("select id from t where ts >= timestamp '2024-01-02 00:00:00'"
        + " and ts <= timestamp '2024-01-03 00:00:00' order by id");
    assertThat(r.filesOpened()).isEqualTo(4);
    assertThat(Queries.longs(on, "select count(*) from t where ts = timestamp '2024-01-03 00:00:00'"))
        .containsExactly(2L);
  }

  @Test
  void tableauDateCastPrunesDayPartitions() throws Exception {
    ScanReport r = run("select id from t where cast(ts as date) = date '2024-01-03' order by id");
    assertThat(r.filesOpened()).isEqualTo(2);
  }

  @Test
  void everyPartitionPrunedOpensNothing() throws Exception {
    ScanReport r = run("select id from t where test_date > date '2024-01-04'");
    assertThat(r.files()).isZero();
    assertThat(r.filesOpened()).isZero();
    assertThat(r.rowsReturned()).isZero();
  }

  @Test
  void orAcrossPartitionAndDataColumnKeepsEveryFile() throws Exception {
    ScanReport r = run("select id from t where test_date = date '2024-01-02' or i = 3 order by id");
    assertThat(r.files()).isEqualTo(8);
    assertThat(r.rowsReturned()).isGreaterThan(2L * TestDataset.ROWS_PER_FILE);
  }

  @Test
  void batchStatisticsSkipBatchesOfASortedColumn() throws Exception {
    // ids are sorted: 1000..1010 lies in one batch of one file
    ScanReport r = run("select id, name from t where id between 1000 and 1010 order by id");
    assertThat(r.files()).isEqualTo(1);
    assertThat(r.filesOpened()).isEqualTo(1);
    assertThat(r.batches()).isEqualTo(4);
    assertThat(r.batchesSkipped()).isEqualTo(3);
    assertThat(r.rowsScanned()).isEqualTo(TestDataset.BATCH);
    assertThat(r.rowsReturned()).isEqualTo(11);
  }

  @Test
  void columnMissingFromSomeFilesPrunesThemForNonNullPredicates() throws Exception {
    ScanReport r = run("select id from t where extra = 3 order by id");
    assertThat(r.files()).isEqualTo(4);
    r = run("select id from t where extra is null order by id");
    assertThat(r.files()).isEqualTo(8);
  }

  @Test
  void columnPruningReadsOnlyUsedColumns() throws Exception {
    ScanReport narrow = run("select id from t where id < 50");
    ScanReport wide = run("select * from t where id < 50");
    assertThat(narrow.bytesRead()).isPositive().isLessThan(wide.bytesRead() / 4);
    assertThat(Queries.plan(on, "select id from t where i > 3")).contains("columns=[id]");
  }

  @Test
  void hashBucketEqualityKeepsOneBucket() throws Exception {
    ScanReport r = run("select id from dev where device = 'D7' order by id");
    assertThat(r.files()).isEqualTo(1);
    r = run("select id from dev where device in ('D1', 'D2') order by id");
    assertThat(r.files()).isLessThanOrEqualTo(2);
    // OR with a data column: D1's bucket and the file holding id 3 (device D3) must both stay;
    // other buckets may go only because their id statistics exclude 3 (rows checked by run)
    r = run("select id from dev where device = 'D1' or id = 3 order by id");
    assertThat(r.files()).isGreaterThanOrEqualTo(2);
    assertThat(Queries.longs(on, "select id from dev where device = 'D1' or id = 3 order by id")).contains(3L, 1L);
  }

  /** Table {@code dev} partitioned {@code device:hash(4)}: one file per bucket. */
  private static void writeBucketedTable(Path table) throws Exception {
    List<TestColumn> cols = List.of(TestColumn.of("id", new ArrowType.Int(64, true)),
        TestColumn.of("device", ArrowType.Utf8.INSTANCE));
    List<List<Object[]>> buckets = new ArrayList<>();
    for (int b = 0; b < 4; b++) {
      buckets.add(new ArrayList<>());
    }
    for (long id = 0; id < 400; id++) {
      String device = "D" + (id % 20);
      buckets.get(BucketHash.bucket(BucketHash.hashString(device), 4)).add(new Object[] {id, device});
    }
    for (int b = 0; b < 4; b++) {
      ArrowTestWriter.write(table.resolve("device_bucket=" + b + "/part-0.arrow"), cols, buckets.get(b), 50, true);
    }
    Schema schema = new Schema(List.of(Field.nullable("id", new ArrowType.Int(64, true)),
        Field.nullable("device", ArrowType.Utf8.INSTANCE)));
    new TableMetadata(schema, FileFormat.ARROW, PartitionSpec.parse("device:hash(4)", schema),
        List.of(new PartitionColumn("device_bucket", "INTEGER")), List.of()).write(table);
  }
}
