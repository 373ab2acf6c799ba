package dev.wafer.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wafer.sql.testing.DifferentialData;
import dev.wafer.sql.testing.ResultRows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PostgreSQL-style {@code DATE_TRUNC('unit', ts)} as BI tools send it: every unit gives DuckDB's
 * answer on the same rows (NULL timestamps included), grouped and ungrouped.
 */
class DateTruncTest {
  @TempDir static Path dir;
  static DifferentialData data;

  @BeforeAll
  static void setUp() throws Exception {
    data = DifferentialData.create(dir, 5L);
  }

  @AfterAll
  static void tearDown() throws Exception {
    data.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade"})
  void everyUnitMatchesDuckDb(String unit) throws Exception {
    String sql = "SELECT CAST(DATE_TRUNC('" + unit + "', ts) AS VARCHAR) AS b, COUNT(*) AS n FROM test_results "
        + "GROUP BY CAST(DATE_TRUNC('" + unit + "', ts) AS VARCHAR)";
    String duck = "SELECT strftime(DATE_TRUNC('" + unit + "', ts), '%Y-%m-%d %H:%M:%S') AS b, COUNT(*) AS n "
        + "FROM test_results GROUP BY 1";
    assertThat(ResultRows.difference(rows(data.duckdb(), duck), wafer(sql))).as(sql).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"'DAY'", "' hour '"})
  void unitIsCaseAndSpaceInsensitive(String unit) throws Exception {
    String bucket = unit.trim().contains("DAY") ? "day" : "hour";
    List<List<Object>> floor = wafer("SELECT COUNT(DISTINCT FLOOR(ts TO " + bucket.toUpperCase() + ")) FROM test_results");
    assertThat(wafer("SELECT COUNT(DISTINCT DATE_TRUNC(" + unit + ", ts)) FROM test_results")).isEqualTo(floor);
  }

  @ParameterizedTest
  @ValueSource(strings = {"fortnight"})
  void unknownUnitIsAClearError(String unit) {
    assertThatThrownBy(() -> wafer("SELECT DATE_TRUNC('" + unit + "', ts) FROM test_results"))
        .hasStackTraceContaining("unknown unit '" + unit + "'");
  }

  private static List<List<Object>> wafer(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:wafer:" + data.arrowRoot())) {
      return rows(c, sql);
    }
  }

  private static List<List<Object>> rows(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return ResultRows.read(rs);
    }
  }
}
