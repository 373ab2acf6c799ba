package dev.wafer.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.sql.testing.ResultRows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same seed and row count give the same rows whatever the partitioning, file format and
 * batch size: Arrow by day read through Wafer equals Parquet by device hash read by DuckDB.
 */
class GenerateDeterminismTest {
  @TempDir Path dir;

  @Test
  void rowsDoNotDependOnPartitioningFormatOrBatchSize() throws Exception {
    Path arrow = dir.resolve("arrow");
    Path parquet = dir.resolve("parquet");
    GenerateCommandTest.Run a = GenerateCommandTest.run("generate", "--out", arrow.toString(),
        "--rows", "30000", "--seed", "7", "--partition-by", "test_date", "--batch-rows", "4096", "--quiet");
    assertThat(a.exit()).as(a.err()).isZero();
    GenerateCommandTest.Run p = GenerateCommandTest.run("generate", "--out", parquet.toString(),
        "--rows", "30000", "--seed", "7", "--partition-by", "device_id:hash(4),test_date",
        "--format", "parquet", "--batch-rows", "65536", "--quiet");
    assertThat(p.exit()).as(p.err()).isZero();
    String columns = "lot_id, wafer_id, device_id, die_x, die_y, tester_id, site, test_num, "
        + "test_name, test_value, lo_limit, hi_limit, units, passed, hard_bin, soft_bin, "
        + "test_time_ms, CAST(ts AS VARCHAR) AS ts, CAST(test_date AS VARCHAR) AS d";
    List<List<Object>> wafer;
    try (Connection c = DriverManager.getConnection("jdbc:wafer:" + arrow);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + columns + " FROM test_results ORDER BY ts")) {
      wafer = ResultRows.read(rs);
    }
    List<List<Object>> duck;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + columns.replace("CAST(ts AS VARCHAR)",
                "strftime(ts, '%Y-%m-%d %H:%M:%S')") + " FROM read_parquet('" + parquet
            + "/test_results/**/*.parquet', hive_partitioning = true) ORDER BY ts")) {
      duck = ResultRows.read(rs);
    }
    assertThat(wafer).hasSize(30000);
    assertThat(ResultRows.difference(duck, wafer)).isNull();
  }
}
