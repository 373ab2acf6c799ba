package dev.wafer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Before/after plans of each rule: what the scan specification holds with and without rules. */
class RulePlanTest extends DatasetTestBase {
  @Test
  void filterIntoScanPushesTheConditionAndPrunesFiles() throws Exception {
    String sql = "select id, name from t where name = 'beta' and test_date = date '2024-01-03'";
    String pushed = Queries.plan(on, sql);
    assertThat(pushed).contains("filter=[(name = 'beta' AND test_date = DATE '2024-01-03')]")
        .contains("files=2/8").contains("partitions=[1/4]")
        .doesNotContain("$condition");
    String plain = Queries.plan(off, sql);
    assertThat(plain).doesNotContain("filter=[").contains("$condition").contains("files=8/8");
  }

  @Test
  void filterIntoScanLeavesUntranslatableConjunctsAbove() throws Exception {
    String plan = Queries.plan(on, "select id from t where upper(name) = 'BETA' and id < 100");
    assertThat(plan).contains("filter=[id < 100]").contains("UPPER").contains("$condition");
  }

  @Test
  void filterIntoScanDoesNothingWhenNothingTranslates() throws Exception {
    String plan = Queries.plan(on, "select id from t where i = sm");
    assertThat(plan).doesNotContain("filter=[").contains("$condition");
  }

  @Test
  void projectIntoScanDropsColumnsOnlyTheFilterReads() throws Exception {
    String sql = "select id from t where i > 3 and name like 'a%'";
    assertThat(Queries.plan(on, sql)).contains("columns=[id]").contains("filter=[");
    assertThat(Queries.plan(off, sql)).contains("columns=[id, i, name]");
  }

  @Test
  void tableauShapesArePushedAsTimestampRanges() throws Exception {
    assertThat(Queries.plan(on, "select id from t where cast(ts as date) = date '2024-01-03'"))
        .contains("ts >= TIMESTAMP '2024-01-03 00:00'").contains("ts <= TIMESTAMP '2024-01-03 23:59:59.999'")
        .contains("files=2/8");
  }
}
