package dev.wafer.adapter.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wafer.adapter.WaferMemory;
import dev.wafer.adapter.WaferOptions;
import dev.wafer.adapter.WaferTable;
import dev.wafer.adapter.dataset.FileFormat;
import dev.wafer.adapter.dataset.PartitionColumn;
import dev.wafer.adapter.dataset.PartitionSpec;
import dev.wafer.adapter.dataset.TableMetadata;
import dev.wafer.adapter.testing.ArrowTestWriter;
import dev.wafer.adapter.testing.Connections;
import dev.wafer.adapter.testing.TestColumn;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a table's columns and partitions come out of its files and directories. */
class TableLayoutTest {
  static final ArrowType BIGINT = new ArrowType.Int(64, true);
  @TempDir Path root;

  @AfterEach
  void noLeak() {
    assertThat(WaferMemory.root().getAllocatedMemory()).isZero();
  }

  private static List<Object[]> rows(int n, java.util.function.IntFunction<Object[]> row) {
    List<Object[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(row.apply(i));
    }
    return out;
  }

  private List<List<Object>> query(String sql) throws Exception {
    List<List<Object>> out = new ArrayList<>();
    try (Connection c = Connections.calcite(root, ""); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        out.add(row);
      }
    }
    return out;
  }

  @Test
  void schemasAreUnitedAndMissingColumnsReadAsNull() throws Exception {
    ArrowTestWriter.write(root.resolve("t/a.arrow"), List.of(TestColumn.of("id", BIGINT), TestColumn.dict("a")),
        rows(10, i -> new Object[] {(long) i, "a" + i}), 4, true);
    ArrowTestWriter.write(root.resolve("t/b.arrow"), List.of(TestColumn.of("b", ArrowType.Utf8.INSTANCE),
        TestColumn.of("id", BIGINT)), rows(5, i -> new Object[] {"b" + i, 100L + i}), 4, false);
    TableLayout layout = TableLayoutLoader.load(root.resolve("t"), WaferMemory.root());
    assertThat(layout.columns()).extracting(TableColumn::name).containsExactly("id", "a", "b");
    assertThat(layout.rows()).isEqualTo(15);
    assertThat(layout.files().get(0).stats()).isNotNull();
    assertThat(layout.files().get(1).stats()).isNull();
    assertThat(layout.files().get(1).batchRows()).containsExactly(4L, 1L);
    assertThat(query("SELECT count(*), count(a), count(b), sum(id) FROM t"))
        .containsExactly(List.of(15L, 10L, 5L, 45L + 510L));
    assertThat(query("SELECT a, b FROM t WHERE id = 102")).containsExactly(java.util.Arrays.asList(null, "b2"));
  }

  @Test
  void clashingTypesNameBothFiles() throws Exception {
    ArrowTestWriter.write(root.resolve("t/a.arrow"), List.of(TestColumn.of("x", BIGINT)),
        rows(3, i -> new Object[] {(long) i}), 4, false);
    ArrowTestWriter.write(root.resolve("t/b.arrow"), List.of(TestColumn.of("x", ArrowType.Bool.INSTANCE)),
        rows(3, i -> new Object[] {true}), 4, false);
    assertThatThrownBy(() -> TableLayoutLoader.load(root.resolve("t"), WaferMemory.root()))
        .hasMessageContaining("t/a.arrow").hasMessageContaining("t/b.arrow")
        .hasMessageContaining("BIGINT").hasMessageContaining("BOOLEAN");
  }

  @Test
  void partitionColumnsAreInferredAndNotDuplicated() throws Exception {
    List<TestColumn> cols = List.of(TestColumn.of("id", BIGINT), TestColumn.of("site", new ArrowType.Int(32, true)));
    ArrowTestWriter.write(root.resolve("t/d=2024-01-02/site=3/p.arrow"), cols,
        rows(4, i -> new Object[] {(long) i, 3}), 4, true);
    ArrowTestWriter.write(root.resolve("t/d=2024-01-03/site=4/p.arrow"), cols,
        rows(2, i -> new Object[] {10L + i, 4}), 4, true);
    ArrowTestWriter.write(root.resolve("t/d=__HIVE_DEFAULT_PARTITION__/site=5/p.arrow"), cols,
        rows(1, i -> new Object[] {20L, 5}), 4, true);
    TableLayout layout = TableLayoutLoader.load(root.resolve("t"), WaferMemory.root());
    assertThat(layout.columns()).extracting(TableColumn::name).containsExactly("id", "site", "d");
    assertThat(layout.columns().get(2).kind()).isEqualTo(ColumnKind.DATE);
    assertThat(layout.columns().get(2).partition()).isTrue();
    assertThat(layout.columns().get(1).partition()).isFalse();
    assertThat(query("SELECT d, count(*), sum(site) FROM t GROUP BY d ORDER BY d")).containsExactly(
        List.of(java.sql.Date.valueOf("2024-01-02"), 4L, 12),
        List.of(java.sql.Date.valueOf("2024-01-03"), 2L, 8),
        java.util.Arrays.asList(null, 1L, 5));
  }

  @Test
  void tableMetadataDecidesPartitionTypes() throws Exception {
    List<TestColumn> cols = List.of(TestColumn.of("id", BIGINT));
    ArrowTestWriter.write(root.resolve("t/lot=007/p.arrow"), cols, rows(2, i -> new Object[] {(long) i}), 4, true);
    ArrowTestWriter.write(root.resolve("t/lot=012/p.arrow"), cols, rows(3, i -> new Object[] {(long) i}), 4, true);
    Schema fileSchema = new Schema(List.of(Field.nullable("id", BIGINT)));
    Schema specSchema = new Schema(List.of(Field.nullable("id", BIGINT), Field.nullable("lot", ArrowType.Utf8.INSTANCE)));
    new TableMetadata(fileSchema, FileFormat.ARROW, PartitionSpec.parse("lot", specSchema),
        List.of(new PartitionColumn("lot", "VARCHAR")), List.of()).write(root.resolve("t"));
    assertThat(query("SELECT lot, count(*) FROM t GROUP BY lot ORDER BY lot"))
        .containsExactly(List.of("007", 2L), List.of("012", 3L));
  }

  @Test
  void partitionValueOfTheWrongTypeFailsNamingTheFile() throws Exception {
    List<TestColumn> cols = List.of(TestColumn.of("id", BIGINT));
    ArrowTestWriter.write(root.resolve("t/lot=x1/p.arrow"), cols, rows(2, i -> new Object[] {(long) i}), 4, true);
    Schema fileSchema = new Schema(List.of(Field.nullable("id", BIGINT)));
    Schema specSchema = new Schema(List.of(Field.nullable("id", BIGINT),
        Field.nullable("lot", new ArrowType.Int(32, true))));
    new TableMetadata(fileSchema, FileFormat.ARROW, PartitionSpec.parse("lot", specSchema),
        List.of(new PartitionColumn("lot", "INTEGER")), List.of()).write(root.resolve("t"));
    assertThatThrownBy(() -> query("SELECT lot, id FROM t")).isInstanceOf(java.sql.SQLException.class)
        .hasMessageContaining("lot=x1/p.arrow").hasMessageContaining("not INTEGER");
  }

  @Test
  void unsupportedTypesAreSkipped() throws Exception {
    ArrowTestWriter.write(root.resolve("t/p.arrow"), List.of(TestColumn.of("id", BIGINT),
        TestColumn.of("u", new ArrowType.Int(32, false))), rows(3, i -> new Object[] {(long) i, i}), 4, false);
    TableLayout layout = TableLayoutLoader.load(root.resolve("t"), WaferMemory.root());
    assertThat(layout.columns()).extracting(TableColumn::name).containsExactly("id");
    assertThat(query("SELECT sum(id) FROM t")).containsExactly(List.of(3L));
  }

  @Test
  void tableReportsRowCountToCalcite() throws Exception {
    ArrowTestWriter.write(root.resolve("t/a.arrow"), List.of(TestColumn.of("id", BIGINT)),
        rows(37, i -> new Object[] {(long) i}), 10, true);
    ArrowTestWriter.write(root.resolve("t/b.arrow"), List.of(TestColumn.of("id", BIGINT)),
        rows(5, i -> new Object[] {(long) i}), 10, false);
    WaferTable table = new WaferTable("t", root.resolve("t"), WaferOptions.defaults(root));
    assertThat(table.getStatistic().getRowCount()).isEqualTo(42.0);
    assertThat(table.layout().batches()).isEqualTo(5);
  }

  @Test
  void aFileReplacedUnderTheSameNameIsReadAgainByTheNextLoad() throws Exception {
    Path file = root.resolve("t/a.arrow");
    ArrowTestWriter.write(file, List.of(TestColumn.of("id", BIGINT)), rows(10, i -> new Object[] {(long) i}), 4, true);
    TableLayout before = TableLayoutLoader.load(root.resolve("t"), WaferMemory.root());
    assertThat(TableLayoutLoader.load(root.resolve("t"), WaferMemory.root()).files().get(0).stats())
        .isSameAs(before.files().get(0).stats()); // the second load took the kept footer
    java.nio.file.Files.delete(file);
    ArrowTestWriter.write(file, List.of(TestColumn.of("id", BIGINT), TestColumn.of("v", BIGINT)),
        rows(25, i -> new Object[] {(long) i, 2L * i}), 10, true);
    TableLayout after = TableLayoutLoader.load(root.resolve("t"), WaferMemory.root());
    assertThat(after.rows()).isEqualTo(25);
    assertThat(after.files().get(0).batchRows()).containsExactly(10L, 10L, 5L);
    assertThat(after.columns()).extracting(TableColumn::name).containsExactly("id", "v");
    assertThat(before.rows()).isEqualTo(10);
  }
}
