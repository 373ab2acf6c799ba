package dev.wafer.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.WaferMemory;
import dev.wafer.sql.testing.DifferentialData;
import dev.wafer.sql.testing.ResultRows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs each query on Wafer (over the Arrow files, and over the same rows as Parquet) and on DuckDB
 * (over the Parquet), and requires equal results as sorted row lists; floating-point values within
 * {@link ResultRows#RELATIVE_TOLERANCE}. Where the dialects differ, a query has a DuckDB spelling.
 */
class DifferentialTest {
  @TempDir static Path dir;
  static DifferentialData data;

  /** A query, and its DuckDB spelling when the dialects differ. */
  record Q(String name, String wafer, String duck) {
    Q(String name, String sql) {
      this(name, sql, sql);
    }
  }

  static final List<Q> QUERIES = List.of(
      new Q("count", "SELECT count(*) FROM test_results"),
      new Q("global aggregates", "SELECT count(*), count(test_value), sum(test_value), min(test_value),"
          + " max(test_value), sum(price), min(ts), max(ts_us), min(lot_date) FROM test_results"),
      new Q("all columns", "SELECT * FROM test_results WHERE id < 60"),
      new Q("filter tinyint", "SELECT id, site FROM test_results WHERE site = 3 AND id < 2000"),
      new Q("filter smallint in", "SELECT id, bin FROM test_results WHERE bin IN (1, 2) AND id < 3000"),
      new Q("filter integer between", "SELECT count(*), sum(lot_no) FROM test_results WHERE lot_no BETWEEN 3 AND 5"),
      new Q("filter bigint range", "SELECT id, wafer_id, test_value FROM test_results WHERE id BETWEEN 1000 AND 1100"),
      new Q("filter double", "SELECT id, test_value FROM test_results WHERE test_value > 112.5"),
      new Q("filter real", "SELECT id, gain FROM test_results WHERE gain < 0.05"),
      new Q("filter boolean", "SELECT passed, count(*) FROM test_results WHERE passed OR passed IS NULL GROUP BY passed"),
      new Q("filter not boolean", "SELECT count(*) FROM test_results WHERE NOT passed"),
      new Q("filter date", "SELECT id, lot_date FROM test_results WHERE lot_date < DATE '2023-11-25'"),
      new Q("filter timestamp ms", "SELECT id, ts FROM test_results WHERE ts >= TIMESTAMP '2024-01-03 12:00:00'"
          + " AND ts < TIMESTAMP '2024-01-03 12:30:00'"),
      new Q("filter timestamp us", "SELECT id, ts_us FROM test_results WHERE ts_us < TIMESTAMP '2024-01-01 02:00:00'"),
      new Q("filter dictionary strings (seed pushdown)", "SELECT count(*), sum(test_value) FROM test_results"
          + " WHERE test_name IN ('Vdd', 'Idd') AND test_value BETWEEN 90 AND 110"),
      new Q("filter dictionary value in no entry", "SELECT count(*), sum(test_value), min(id) FROM test_results"
          + " WHERE test_name = 'Nope'"),
      new Q("filter dictionary value in no entry, ANDed", "SELECT count(*), max(test_value) FROM test_results"
          + " WHERE test_value > 100 AND test_name IN ('Nope', 'Nada')"),
      new Q("filter dictionary IS NULL", "SELECT count(*), min(id) FROM test_results WHERE test_name IS NULL"),
      new Q("filter dictionary test every entry passes", "SELECT id, test_name FROM test_results"
          + " WHERE test_name <> 'Nope'"),
      new Q("filter plain string like", "SELECT id, note FROM test_results WHERE note LIKE '%probe%' AND id < 3000"),
      new Q("filter empty string", "SELECT count(*) FROM test_results WHERE note = ''"),
      new Q("filter decimal", "SELECT id, price FROM test_results WHERE price > 9990.5"),
      new Q("filter partition column", "SELECT count(*), min(id), max(id) FROM test_results WHERE test_date = DATE '2024-01-03'"),
      new Q("projection of partition column only", "SELECT DISTINCT test_date FROM test_results"),
      new Q("group by dictionary", "SELECT wafer_id, count(*), avg(test_value), min(ts) FROM test_results GROUP BY wafer_id"),
      new Q("group by two with having", "SELECT test_date, test_name, count(*) AS n FROM test_results"
          + " GROUP BY test_date, test_name HAVING count(*) > 290"),
      new Q("group by nullable smallint", "SELECT site, bin, count(*), count(bin), count(DISTINCT wafer_id)"
          + " FROM test_results GROUP BY site, bin"),
      new Q("stddev and variance", "SELECT test_name, stddev_samp(test_value), var_pop(test_value) FROM test_results"
          + " GROUP BY test_name"),
      new Q("join with specs", "SELECT r.test_name, s.unit, count(*) FROM test_results r JOIN specs s"
          + " ON r.test_name = s.test_name WHERE r.test_value BETWEEN s.lo AND s.hi GROUP BY r.test_name, s.unit"),
      new Q("left join keeps unmatched", "SELECT s.test_name, count(r.id) FROM specs s LEFT JOIN test_results r"
          + " ON r.test_name = s.test_name GROUP BY s.test_name"),
      new Q("self join on partition", "SELECT a.test_date, count(*) FROM test_results a JOIN test_results b"
          + " ON a.id = b.id + 1 AND a.test_date = b.test_date GROUP BY a.test_date"),
      new Q("order by limit", "SELECT id, test_value FROM test_results WHERE test_value IS NOT NULL"
          + " ORDER BY test_value DESC, id LIMIT 10"),
      new Q("limit offset", "SELECT id, wafer_id FROM test_results ORDER BY id LIMIT 5 OFFSET 4000"),
      new Q("row_number window", "SELECT id, wafer_id, row_number() OVER (PARTITION BY wafer_id ORDER BY id) AS rn"
          + " FROM test_results WHERE id < 400"),
      new Q("rank and running sum", "SELECT id, rank() OVER (PARTITION BY test_name ORDER BY test_value) AS rk,"
          + " sum(test_value) OVER (PARTITION BY test_name ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS s3"
          + " FROM test_results WHERE id < 500"),
      new Q("lag window", "SELECT id, test_value - lag(test_value) OVER (PARTITION BY wafer_id ORDER BY id) AS delta"
          + " FROM test_results WHERE test_date = DATE '2024-01-02'"),
      new Q("in subquery", "SELECT count(*) FROM test_results WHERE wafer_id IN (SELECT wafer_id FROM test_results"
          + " WHERE bin = 8 GROUP BY wafer_id HAVING count(*) > 60)"),
      new Q("scalar subquery", "SELECT count(*) FROM test_results WHERE test_value > (SELECT avg(test_value) + 2 * stddev_samp(test_value) FROM test_results)"),
      new Q("correlated exists", "SELECT s.test_name FROM specs s WHERE EXISTS (SELECT 1 FROM test_results r"
          + " WHERE r.test_name = s.test_name AND r.bin = 1)"),
      new Q("case buckets", "SELECT band, count(*) FROM (SELECT CASE WHEN test_value IS NULL THEN 'missing'"
          + " WHEN test_value < 95 THEN 'low' WHEN test_value > 105 THEN 'high' ELSE 'ok' END AS band"
          + " FROM test_results) t GROUP BY band"),
      new Q("null handling", "SELECT count(*), count(bin), sum(CASE WHEN passed IS NULL THEN 1 ELSE 0 END),"
          + " sum(COALESCE(bin, -1)), count(NULLIF(site, 0)), count(note) FROM test_results"),
      new Q("null comparisons", "SELECT count(*) FROM test_results WHERE bin <> 3 OR bin IS NULL"),
      new Q("timestamp plus interval", "SELECT id, ts + INTERVAL '90' MINUTE, ts_us - INTERVAL '2' DAY FROM test_results WHERE id < 40"),
      new Q("extract hour", "SELECT EXTRACT(HOUR FROM ts) AS h, count(*) FROM test_results GROUP BY EXTRACT(HOUR FROM ts)"),
      new Q("date arithmetic", "SELECT id, CAST(lot_date + INTERVAL '10' DAY AS DATE) FROM test_results WHERE id < 30"),
      new Q("timestamp to date equals partition", "SELECT count(*) FROM test_results WHERE CAST(ts AS DATE) = test_date"),
      new Q("timestamp difference", "SELECT id, TIMESTAMPDIFF(DAY, lot_date, test_date) FROM test_results WHERE id < 50",
          "SELECT id, date_diff('day', lot_date, test_date) FROM test_results WHERE id < 50"),
      new Q("truncate to hour", "SELECT FLOOR(ts TO HOUR) AS h, count(*) FROM test_results"
          + " WHERE test_date = DATE '2024-01-04' GROUP BY FLOOR(ts TO HOUR)",
          "SELECT date_trunc('hour', ts) AS h, count(*) FROM test_results"
          + " WHERE test_date = DATE '2024-01-04' GROUP BY date_trunc('hour', ts)"),
      new Q("string functions", "SELECT id, UPPER(wafer_id), SUBSTRING(note FROM 1 FOR 5), CHAR_LENGTH(note),"
          + " wafer_id || '-' || test_name FROM test_results WHERE id < 40"),
      new Q("union all and distinct", "SELECT wafer_id FROM test_results WHERE bin = 1 UNION SELECT test_name"
          + " FROM specs UNION ALL SELECT 'x' FROM specs"),
      new Q("count distinct per partition", "SELECT test_date, count(DISTINCT test_name), count(DISTINCT wafer_id)"
          + " FROM test_results GROUP BY test_date"),
      new Q("avg of integers is not truncated", "SELECT wafer_id, avg(site), avg(bin) FROM test_results"
          + " GROUP BY wafer_id"),
      new Q("BI yield: avg and sum of decimal CASE over many rows", "SELECT wafer_id,"
          + " avg(CASE WHEN passed THEN 1.0 ELSE 0.0 END), sum(CASE WHEN passed THEN 1.0 ELSE 0.0 END)"
          + " FROM test_results GROUP BY wafer_id"),
      new Q("ORDER BY and GROUP BY select aliases", "SELECT wafer_id AS w, count(*) AS n FROM test_results"
          + " GROUP BY w ORDER BY n DESC, w LIMIT 5"),
      new Q("yield per wafer", "SELECT wafer_id, CAST(sum(CASE WHEN passed THEN 1 ELSE 0 END) AS DOUBLE) / count(*)"
          + " AS yield FROM test_results GROUP BY wafer_id"));

  @BeforeAll
  static void setUp() throws Exception {
    data = DifferentialData.create(dir, 20240103L);
  }

  @AfterAll
  static void tearDown() throws Exception {
    data.close();
  }

  @TestFactory
  Stream<DynamicTest> waferOnArrowEqualsDuckDb() {
    return tests(data.arrowRoot(), "arrow");
  }

  @TestFactory
  Stream<DynamicTest> waferOnParquetEqualsDuckDb() {
    return tests(data.parquetRoot(), "parquet");
  }

  private Stream<DynamicTest> tests(Path root, String label) {
    return QUERIES.stream().map(q -> DynamicTest.dynamicTest(label + ": " + q.name(), () -> {
      List<List<Object>> expected;
      try (Statement s = data.duckdb().createStatement(); ResultSet rs = s.executeQuery(q.duck())) {
        expected = ResultRows.read(rs);
      }
      List<List<Object>> actual;
      try (Connection c = DriverManager.getConnection("jdbc:wafer:" + root + ";threads=2");
          Statement s = c.createStatement(); ResultSet rs = s.executeQuery(q.wafer())) {
        actual = ResultRows.read(rs);
      }
      assertThat(ResultRows.difference(expected, actual)).as(q.wafer()).isNull();
      assertThat(expected).as("query must return rows to be a useful comparison").isNotEmpty();
      assertThat(WaferMemory.root().getAllocatedMemory()).isZero();
    }));
  }
}
