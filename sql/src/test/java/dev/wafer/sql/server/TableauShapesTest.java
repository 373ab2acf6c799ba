package dev.wafer.sql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wafer.sql.testing.DifferentialData;
import dev.wafer.sql.testing.ResultRows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.apache.calcite.avatica.remote.Driver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statement shapes BI tools send ({@code shared/bi/bi_queries.sql}, numbers in brackets),
 * rewritten over {@code test_results}, run through the server (protobuf and JSON) and compared
 * with DuckDB over the same rows; where the dialects differ, the DuckDB spelling is given.
 */
class TableauShapesTest {
  @TempDir static Path dir;
  static DifferentialData data;
  static WaferServer protobuf;
  static WaferServer json;

  /** A statement, its DuckDB spelling, and whether an empty result is the point. */
  record Q(String name, String wafer, String duck, boolean empty) {
    static Q same(String name, String sql) {
      return new Q(name, sql, sql, false);
    }

    static Q of(String name, String wafer, String duck) {
      return new Q(name, wafer, duck, false);
    }
  }

  static final String GROUP_CASE = "(CASE WHEN (\"t\".\"test_name\" IN ('Vdd', 'Idd')) THEN 'Power'"
      + " ELSE \"t\".\"test_name\" END)";
  static final String MONTH_START = "{fn TIMESTAMPADD(SQL_TSI_DAY,CAST((-1 * (EXTRACT(DAY FROM CAST(\"t\".\"ts\" AS DATE))"
      + " - 1)) AS INTEGER),CAST(\"t\".\"ts\" AS DATE))}";
  static final String BIN_CASE = "(CASE WHEN (\"t0\".\"X_measure__0\" < 800) THEN '[0,800)' ELSE '[800, +inf' END)";

  static final List<Q> QUERIES = List.of(
      Q.same("[01] SELECT 1 probe", "SELECT 1"),
      Q.same("[04] subquery probe", "SELECT \"COL\" FROM (SELECT 1 AS \"COL\") AS \"SUBQUERY\""),
      Q.same("[06] LIMIT probe", "SELECT \"COL\" FROM (SELECT 1 AS \"COL\") AS \"CHECKTOP\" LIMIT 1"),
      Q.same("[07] GROUP BY ordinal probe", "SELECT \"SUBCOL\" AS \"COL\"  FROM (   SELECT 1 AS \"SUBCOL\" ) \"SUBQUERY\" GROUP BY 1"),
      new Q("[15] WHERE 1=0 metadata probe", "SELECT * FROM \"wafer\".\"test_results\" WHERE 1=0",
          "SELECT * FROM test_results WHERE 1=0", true),
      new Q("[16] LIMIT 0 metadata probe", "SELECT * FROM test_results LIMIT 0", "SELECT * FROM test_results LIMIT 0", true),
      Q.of("[21] type-tagged quoted aliases, table aliased by its name",
          "SELECT \"t\".\"wafer_id\" AS \"none_wafer_id_nk\", SUM(\"t\".\"test_value\") AS \"sum_test_value_ok\","
              + " COUNT(1) AS \"cnt_Number_of_Records_ok\" FROM \"wafer\".\"test_results\" \"t\" GROUP BY \"t\".\"wafer_id\"",
          "SELECT \"t\".\"wafer_id\" AS \"none_wafer_id_nk\", SUM(\"t\".\"test_value\") AS \"sum_test_value_ok\","
              + " COUNT(1) AS \"cnt_Number_of_Records_ok\" FROM \"test_results\" \"t\" GROUP BY \"t\".\"wafer_id\""),
      Q.same("[17] SUM(1) over a derived table, GROUP BY a constant ordinal, HAVING COUNT(1)>0",
          "SELECT SUM(1) AS \"COL\", 2 AS \"COL2\" FROM (SELECT wafer_id, sum(test_value) AS gmv, count(*) AS trans_cnt"
              + " FROM test_results GROUP BY wafer_id HAVING sum(test_value) > 500) \"TableauSQL\" GROUP BY 2 HAVING COUNT(1)>0"),
      Q.same("[19] derived-table wrapping with GROUP BY on the outer alias",
          "SELECT \"TableauSQL\".\"test_name\" AS \"none_test_name_nk\", SUM(\"TableauSQL\".\"TRANS_CNT\") AS \"sum_TRANS_CNT_qk\""
              + " FROM ( select test_results.test_name, sum(test_value) as GMV, count(site) as TRANS_CNT from test_results"
              + " group by test_results.test_name ) \"TableauSQL\" GROUP BY \"TableauSQL\".\"test_name\""),
      Q.same("[20] HAVING (COUNT(1) > 0) without GROUP BY",
          "SELECT SUM(\"TableauSQL\".\"GMV\") AS \"sum_GMV_ok\" FROM (SELECT wafer_id, sum(test_value) AS GMV FROM test_results"
              + " GROUP BY wafer_id) \"TableauSQL\" HAVING (COUNT(1) > 0)"),
      new Q("[52] HAVING (COUNT(1) > 0) over no rows gives no row",
          "SELECT SUM(1) AS \"sum_Number_of_Records_ok\" FROM \"test_results\" \"t\" WHERE \"t\".\"id\" < 0 HAVING (COUNT(1) > 0)",
          "SELECT SUM(1) AS \"sum_Number_of_Records_ok\" FROM \"test_results\" \"t\" WHERE \"t\".\"id\" < 0 HAVING (COUNT(1) > 0)", true),
      Q.of("[34] {fn CONVERT}, {fn SIGN}, SUM of a constant",
          "SELECT SUM({ fn CONVERT({ fn SIGN(\"t\".\"test_value\" - 100) }, SQL_BIGINT) }) AS \"sum_Calculation_ok\","
              + " SUM({ fn CONVERT(1, SQL_BIGINT) }) AS \"sum_Number_of_Records_ok\" FROM \"test_results\" \"t\" HAVING (COUNT(1) > 0)",
          "SELECT SUM(CAST(SIGN(t.test_value - 100) AS BIGINT)), SUM(CAST(1 AS BIGINT)) FROM test_results t HAVING (COUNT(1) > 0)"),
      Q.of("[33] {fn DEGREES} with {fn CONVERT(NULL, SQL_DOUBLE)} in a CASE",
          "SELECT \"t\".\"test_name\" AS \"test_name\", SUM({ fn DEGREES((CASE WHEN (\"t\".\"test_value\" + 2) = 0"
              + " THEN { fn CONVERT(NULL, SQL_DOUBLE) } ELSE \"t\".\"test_value\" / (\"t\".\"test_value\" + 2) END)) })"
              + " AS \"sum_Calculation_ok\" FROM \"test_results\" \"t\" GROUP BY \"t\".\"test_name\"",
          "SELECT t.test_name, SUM(DEGREES(CASE WHEN (t.test_value + 2) = 0 THEN CAST(NULL AS DOUBLE)"
              + " ELSE t.test_value / (t.test_value + 2) END)) FROM test_results t GROUP BY t.test_name"),
      Q.of("[51] {fn TIMESTAMPADD} month truncation in SELECT and GROUP BY, wrapped",
          "SELECT * FROM (SELECT SUM(1) AS \"sum_Number_of_Records_ok\", " + MONTH_START + " AS \"tmn_ts_ok\""
              + " FROM \"test_results\" \"t\" GROUP BY " + MONTH_START + ") T",
          "SELECT SUM(1), CAST(date_trunc('month', ts) AS DATE) FROM test_results GROUP BY 2"),
      Q.of("[60] {fn TIMESTAMPDIFF} from a {d} literal",
          "SELECT {fn TIMESTAMPDIFF(SQL_TSI_DAY,{d '1900-01-01'},CAST(\"t\".\"ts\" AS DATE))} AS \"d\", COUNT(1) AS \"n\""
              + " FROM \"test_results\" \"t\" GROUP BY {fn TIMESTAMPDIFF(SQL_TSI_DAY,{d '1900-01-01'},CAST(\"t\".\"ts\" AS DATE))}",
          "SELECT date_diff('day', DATE '1900-01-01', CAST(ts AS DATE)), COUNT(1) FROM test_results GROUP BY 1"),
      Q.of("{d} literals in WHERE",
          "SELECT COUNT(1) AS \"cnt_ok\" FROM \"test_results\" \"t\" WHERE (\"t\".\"test_date\" >= {d '2024-01-03'})"
              + " AND (\"t\".\"lot_date\" < {d '2023-12-15'})",
          "SELECT COUNT(1) FROM test_results t WHERE t.test_date >= DATE '2024-01-03' AND t.lot_date < DATE '2023-12-15'"),
      Q.of("[59] CAST({fn TRUNCATE(EXTRACT(YEAR …), 0)} AS INTEGER)",
          "SELECT CAST({fn TRUNCATE(EXTRACT(YEAR FROM \"t\".\"lot_date\"),0)} AS INTEGER) AS \"yr_lot_date_ok\", COUNT(1)"
              + " FROM \"test_results\" \"t\" GROUP BY CAST({fn TRUNCATE(EXTRACT(YEAR FROM \"t\".\"lot_date\"),0)} AS INTEGER)",
          "SELECT CAST(trunc(EXTRACT(YEAR FROM lot_date)) AS INTEGER), COUNT(1) FROM test_results GROUP BY 1"),
      Q.of("[25] QUARTER and EXTRACT(YEAR) groups",
          "SELECT QUARTER(\"t\".\"lot_date\") AS \"qr_lot_date_ok\", EXTRACT(YEAR FROM \"t\".\"lot_date\") AS \"yr_lot_date_ok\""
              + " FROM \"test_results\" \"t\" GROUP BY QUARTER(\"t\".\"lot_date\"), EXTRACT(YEAR FROM \"t\".\"lot_date\")",
          "SELECT quarter(lot_date), EXTRACT(YEAR FROM lot_date) FROM test_results GROUP BY 1, 2"),
      Q.same("[40] CASE group in SELECT and GROUP BY",
          "SELECT " + GROUP_CASE + " AS \"test_name__group_\", SUM(\"t\".\"test_value\") AS \"sum_test_value_ok\""
              + " FROM \"test_results\" \"t\" GROUP BY " + GROUP_CASE),
      Q.same("[36] simple CASE group ORDER BY 1",
          "SELECT (CASE \"t\".\"test_name\" WHEN 'Vdd' THEN '111' ELSE '222' END) AS \"test_name__group_\","
              + " SUM(\"t\".\"test_value\") AS \"sum_test_value_ok\" FROM \"test_results\" \"t\""
              + " GROUP BY (CASE \"t\".\"test_name\" WHEN 'Vdd' THEN '111' ELSE '222' END) ORDER BY 1 ASC"),
      Q.same("[42] CASE bins over a joined per-group measure",
          "SELECT " + BIN_CASE + " AS \"Calculation_1\", SUM(\"t\".\"test_value\") AS \"usr_SUM_ok\""
              + " FROM \"test_results\" \"t\" INNER JOIN (SELECT \"t\".\"wafer_id\" AS \"wafer_id\", COUNT(1) AS \"X_measure__0\""
              + " FROM \"test_results\" \"t\" WHERE (\"t\".\"test_name\" NOT IN ('Vdd')) GROUP BY \"t\".\"wafer_id\") \"t0\""
              + " ON (\"t\".\"wafer_id\" = \"t0\".\"wafer_id\") WHERE (\"t\".\"test_name\" NOT IN ('Vdd')) GROUP BY " + BIN_CASE),
      Q.same("[31] Top-N join: inner join to an ORDER BY 2 DESC LIMIT subquery",
          "SELECT \"t\".\"wafer_id\", SUM(\"t\".\"test_value\") AS \"sum_test_value_ok\" FROM \"test_results\" \"t\""
              + " INNER JOIN (SELECT COUNT(1) AS \"XTableau_join_flag\", SUM(\"t\".\"test_value\") AS \"X__alias__A\","
              + " \"t\".\"wafer_id\" AS \"none_wafer_id_ok\" FROM \"test_results\" \"t\" GROUP BY \"t\".\"wafer_id\""
              + " ORDER BY 2 DESC LIMIT 3) \"t0\" ON (\"t\".\"wafer_id\" = \"t0\".\"none_wafer_id_ok\") GROUP BY \"t\".\"wafer_id\""),
      Q.same("[62] COUNT(DISTINCT) over a join with HAVING count(1) > 0",
          "select count(distinct r.wafer_id) as c from test_results r join specs s on r.test_name = s.test_name having count(1) > 0"),
      Q.of("[66] day truncation grouped and ordered (FLOOR … TO DAY)",
          "SELECT FLOOR(\"ts\" TO DAY) AS \"__time\", COUNT(*) AS \"count\" FROM \"test_results\""
              + " GROUP BY FLOOR(\"ts\" TO DAY) ORDER BY \"count\" DESC LIMIT 100",
          "SELECT date_trunc('day', ts), COUNT(*) FROM test_results GROUP BY 1 ORDER BY 2 DESC LIMIT 100"),
      Q.same("IS NOT DISTINCT FROM join keeps NULL keys",
          "SELECT s.unit, count(*) FROM test_results r JOIN specs s ON r.test_name IS NOT DISTINCT FROM s.test_name"
              + " GROUP BY s.unit"),
      Q.same("[49] Power BI null-safe join predicate",
          "select count(*) as CNT, \"OTBL\".\"wafer_id\" from \"test_results\" as \"OTBL\" inner join \"specs\" as \"ITBL\""
              + " on ((\"OTBL\".\"test_name\" = \"ITBL\".\"test_name\" and \"OTBL\".\"test_name\" is not null)"
              + " and \"ITBL\".\"test_name\" is not null or \"OTBL\".\"test_name\" is null and \"ITBL\".\"test_name\" is null)"
              + " group by \"OTBL\".\"wafer_id\""),
      new Q("[61] WHERE (0=1) over an ordered derived table",
          "select * from (select * from test_results order by id) where (0=1)",
          "select * from (select * from test_results order by id) where (0=1)", true));

  @BeforeAll
  static void setUp() throws Exception {
    data = DifferentialData.create(dir, 20240103L);
    protobuf = WaferServer.start(ServerFixture.config(data.arrowRoot()));
    json = WaferServer.start(ServerFixture.config(data.arrowRoot()).withSerialization(Driver.Serialization.JSON));
  }

  @AfterAll
  static void tearDown() throws Exception {
    protobuf.close();
    json.close();
    data.close();
  }

  @TestFactory
  Stream<DynamicTest> overProtobufEqualsDuckDb() {
    return tests(protobuf, "protobuf");
  }

  @TestFactory
  Stream<DynamicTest> overJsonEqualsDuckDb() {
    return tests(json, "json");
  }

  private Stream<DynamicTest> tests(WaferServer server, String label) {
    return QUERIES.stream().map(q -> DynamicTest.dynamicTest(label + ": " + q.name(), () -> {
      int duckColumns;
      List<List<Object>> expected;
      try (Statement s = data.duckdb().createStatement(); ResultSet rs = s.executeQuery(q.duck())) {
        duckColumns = rs.getMetaData().getColumnCount();
        expected = ResultRows.read(rs);
      }
      try (Connection c = ServerFixture.connect(server); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(q.wafer())) {
        assertThat(rs.getMetaData().getColumnCount()).isEqualTo(duckColumns);
        assertThat(ResultRows.difference(expected, ResultRows.read(rs))).as(q.wafer()).isNull();
      }
      assertThat(expected.isEmpty()).as("empty result expected: " + q.empty()).isEqualTo(q.empty());
    }));
  }

  @Test
  void theTopProbeFailsCleanlyAndTheConnectionGoesOn() throws Exception {
    try (Connection c = ServerFixture.connect(protobuf); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("SELECT TOP 1 \"COL\" FROM (SELECT 1 AS \"COL\") AS \"CHECKTOP\""))
          .isInstanceOf(SQLException.class);
      try (ResultSet rs = s.executeQuery("SELECT \"COL\" FROM (SELECT 1 AS \"COL\") AS \"CHECKTOP\" LIMIT 1")) {
        assertThat(rs.next()).isTrue();
      }
    }
  }

  @Test
  void powerBiNullSafeJoinPlansAsAHashJoin() throws Exception {
    String sql = "EXPLAIN PLAN FOR select count(*) from \"test_results\" as \"OTBL\" inner join \"specs\" as \"ITBL\""
        + " on ((\"OTBL\".\"test_name\" = \"ITBL\".\"test_name\" and \"OTBL\".\"test_name\" is not null)"
        + " and \"ITBL\".\"test_name\" is not null or \"OTBL\".\"test_name\" is null and \"ITBL\".\"test_name\" is null)";
    StringBuilder plan = new StringBuilder();
    try (Connection c = ServerFixture.connect(protobuf); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        plan.append(rs.getString(1));
      }
    }
    assertThat(plan.toString()).contains("HashJoin").doesNotContain("NestedLoopJoin");
  }
}
