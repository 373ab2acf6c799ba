package dev.wafer.sql;

import dev.wafer.adapter.testing.ArrowTestWriter;
import dev.wafer.adapter.testing.TestColumn;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverSmokeTest {
  @TempDir Path dir;

  @Test
  void smoke() throws Exception {
    List<TestColumn> cols = List.of(TestColumn.of("id", new ArrowType.Int(64, true)), TestColumn.dict("name"),
        TestColumn.of("ts", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)));
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.add(new Object[] {(long) i, "n" + (i % 3), java.time.LocalDateTime.of(2024, 1, 3, 10, 0).plusSeconds(i * 3601L).plusNanos(123_000_000)});
    }
    ArrowTestWriter.write(dir.resolve("t/site=7/part-0.arrow"), cols, rows, 30, true);
    try (Connection c = DriverManager.getConnection("jdbc:wafer:" + dir + ";threads=2")) {
      for (String q : new String[] {"select * from t where id < 3", "select * from sys.partitions",
          "select Name, count(*) from T group by name", "explain plan for select id from t where site = 7",
          "select ts, cast(ts as date), ts + interval '1' day from t where id = 5"}) {
        try (ResultSet rs = c.createStatement().executeQuery(q)) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= n; i++) {
              sb.append(rs.getString(i)).append(" | ");
            }
            System.out.println(sb);
          }
        }
      }
      var md = c.getMetaData();
      try (ResultSet rs = md.getColumns(null, "wafer", "t", null)) {
        while (rs.next()) {
          System.out.println(rs.getString("COLUMN_NAME") + " " + rs.getInt("DATA_TYPE") + " " + rs.getString("TYPE_NAME"));
        }
      }
      System.out.println(md.getURL() + " " + md.getDriverName());
    }
  }
}
