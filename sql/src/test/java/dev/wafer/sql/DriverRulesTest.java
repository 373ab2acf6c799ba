package dev.wafer.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.testing.ArrowTestWriter;
import dev.wafer.adapter.testing.TestColumn;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver registers Wafer's rules unless {@code rules=off}, and reports scans in sys.scans. */
class DriverRulesTest {
  @TempDir Path dir;

  @Test
  void rulesOffKeepsTheFilterInCalciteWithTheSameRows() throws Exception {
    List<Object[]> rows = new ArrayList<>();
    for (long i = 0; i < 1000; i++) {
      rows.add(new Object[] {i, i % 7 == 0 ? null : "n" + (i % 5)});
    }
    List<TestColumn> cols = List.of(TestColumn.of("id", new ArrowType.Int(64, true)), TestColumn.dict("name"));
    ArrowTestWriter.write(dir.resolve("t/site=1/part-0.arrow"), cols, rows.subList(0, 500), 100, true);
    ArrowTestWriter.write(dir.resolve("t/site=2/part-0.arrow"), cols, rows.subList(500, 1000), 100, true);
    String sql = "select id, name from t where site = 2 and name = 'n3' and id < 900 order by id";
    try (Connection on = DriverManager.getConnection("jdbc:wafer:" + dir + ";threads=2");
        Connection off = DriverManager.getConnection("jdbc:wafer:" + dir + ";threads=2;rules=off")) {
      assertThat(text(on, sql)).isEqualTo(text(off, sql)).isNotEmpty();
      assertThat(text(on, "explain plan for " + sql)).contains("filter=[").contains("files=1/2");
      assertThat(text(off, "explain plan for " + sql)).doesNotContain("filter=[").contains("files=2/2");
      text(on, sql);
      assertThat(text(on, "select files_opened, rows_returned, batches_skipped from sys.scans"))
          .contains("1|" + rows.stream().filter(r -> (Long) r[0] >= 500 && (Long) r[0] < 900
              && "n3".equals(r[1])).count() + "|1|");
    }
  }

  private static String text(Connection c, String sql) throws Exception {
    StringBuilder sb = new StringBuilder();
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= n; i++) {
          sb.append(rs.getString(i)).append('|');
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }
}
