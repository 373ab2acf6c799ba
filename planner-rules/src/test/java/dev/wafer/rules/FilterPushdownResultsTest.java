package dev.wafer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential tests of predicate pushdown: each condition returns the same rows with Wafer's
 * rules on, with {@code rules=off} (Calcite evaluating the filter itself: the reference for NULL
 * and NaN semantics), and, where the two engines agree on SQL semantics, in DuckDB over the same
 * rows, and COUNT(*) over it counts them. Each condition also states whether it is pushed whole,
 * which the plan must show.
 */
class FilterPushdownResultsTest extends DatasetTestBase {
  static Connection duck;

  @BeforeAll
  static void setUp() throws Exception {
    duck = DriverManager.getConnection("jdbc:duckdb:");
    data.loadInto(duck);
  }

  @AfterAll
  static void tearDown() throws Exception {
    duck.close();
  }

  /** (condition, pushed whole, comparable with DuckDB). */
  static Stream<Arguments> conditions() {
    return Stream.of(
        c("id = 5", true, true),
        c("id < 100", true, true),
        c("id >= 3100", true, true),
        c("id between 1000 and 1010", true, true),
        c("id in (1, 17, 3199, 5000)", true, true),
        c("id not in (1, 2, 3)", true, true),
        c("i = 7", true, true),
        c("i <> 7", true, true),
        c("i is null", true, true),
        c("i is not null and i > 40", true, true),
        c("i < 2.5", true, true),
        c("i = 2.5", true, true),
        c("i >= -2.5", true, true),
        c("sm > 900", true, true),
        c("name = 'beta'", true, true),
        c("name <> 'beta'", true, true),
        c("name in ('alpha', 'ünïcode')", true, true),
        c("name is null", true, true),
        c("name like 'ga%'", true, true),
        c("name not like '%a'", true, true),
        c("name > 'c'", true, true),
        c("s = 's17'", true, true),
        c("s like 's1%'", true, true),
        c("s like '%7'", true, true),
        c("s like '%1%2%'", true, true),
        c("s like 's_7'", true, true),
        c("s like 'x\\%y%' escape '\\'", true, true),
        c("s >= 's5'", true, true),
        c("s is null", true, true),
        c("s = ''", true, true),
        c("flag", true, true),
        c("not flag", true, true),
        c("flag is true", true, true),
        c("flag is not false", true, true),
        c("flag = false", true, true),
        c("ts >= timestamp '2024-01-02 00:00:00' and ts < timestamp '2024-01-03 00:00:00'", true, true),
        c("cast(ts as date) = date '2024-01-03'", true, true),
        c("cast(ts as date) <> date '2024-01-03'", true, true),
        c("cast(ts as date) >= date '2024-01-03'", true, true),
        c("ts = timestamp '2024-01-02 00:00:00'", true, true),
        c("ts > timestamp '2024-01-02 23:59:59.999'", true, false),
        c("ts is null", true, true),
        c("test_date = date '2024-01-02'", true, true),
        c("test_date >= date '2024-01-05'", true, true),
        c("test_date = date '2024-01-02' or i = 3", true, true),
        c("test_date = date '2024-01-02' or ts < timestamp '2024-01-01 06:00:00'", true, true),
        c("extra = 3", true, true),
        c("extra is null", true, true),
        c("extra is null or extra < 2", true, true),
        c("amount > 500.5", true, true),
        c("amount = 12.34", true, true),
        c("amount between -1 and 1", true, true),
        c("ddate = date '2024-01-15'", true, true),
        c("ddate < date '2023-12-10'", true, true),
        c("f < 0.5", true, true),
        c("f = cast(1.5 as real)", true, true),
        c("i + 10 > 50", true, true),
        c("i * 2 = 40", true, true),
        c("10 - i < 0", true, true),
        c("not (i > 10 or name = 'beta')", true, true),
        c("(i > 10 or i is null) and name <> 'gamma'", true, true),
        c("i is distinct from 5", true, true),
        c("d = 0", true, false),
        c("d <> 0", true, false),
        c("d < 1", true, false),
        c("d > 0", true, false),
        c("d in (0, 1.5)", true, false),
        c("d not in (0, 1.5)", true, false),
        c("d between -1 and 1", true, false),
        c("d not between -1 and 1", true, false),
        c("d = cast('NaN' as double)", true, false),
        c("d <> cast('NaN' as double)", true, false),
        c("d + 1 > 1", true, false),
        c("not (d < 1)", true, false),
        c("d is null", true, false),
        c("abs(d - 0.5) > 1", true, false),
        c("abs(d) >= 1", true, false),
        c("abs(d + 1) < 2", true, false),
        c("abs(d) <= 0", true, false),
        c("abs(d - 1) = 0.5", true, false),
        c("abs(d) <> 1", true, false),
        c("1 < abs(d)", true, false),
        c("abs(d) > cast('NaN' as double)", true, false),
        c("abs(i) > 5", false, true),
        c("i = sm", false, true),
        c("upper(name) = 'BETA'", false, true),
        c("mod(i, 2) = 0 and id < 100", false, true));
  }

  private static Arguments c(String where, boolean pushed, boolean duckDb) {
    return Arguments.of(where, pushed, duckDb);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conditions")
  void sameRowsAsWithoutRulesAndDuckDb(String where, boolean pushed, boolean duckDb) throws Exception {
    String sql = "select id from t where " + where + " order by id";
    List<Long> expected = Queries.longs(off, sql);
    assertThat(Queries.longs(on, sql)).as("rules on vs off").isEqualTo(expected);
    if (duckDb) {
      assertThat(expected).as("Calcite without rules vs DuckDB").isEqualTo(Queries.longs(duck, sql));
    }
    // a COUNT(*) of the matching rows is folded from the filter's count alone, without positions
    assertThat(Queries.longs(on, "select count(*) from t where " + where)).as("count(*) with rules on")
        .containsExactly((long) expected.size());
    String plan = Queries.plan(on, "select id from t where " + where);
    if (pushed) {
      assertThat(plan).as(plan).contains("filter=[").doesNotContain("$condition").doesNotContain("Filter(");
    } else {
      assertThat(plan.contains("$condition") || plan.contains("Filter(")).as(plan).isTrue();
    }
  }
}
