package dev.wafer.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.testing.ArrowTestWriter;
import dev.wafer.adapter.testing.Connections;
import dev.wafer.adapter.testing.TestColumn;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {
  @TempDir Path dir;

  @Test
  void smoke() throws Exception {
    List<TestColumn> cols = List.of(TestColumn.of("id", new ArrowType.Int(64, true)), TestColumn.dict("name"),
        TestColumn.of("v", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)));
    for (int d = 1; d <= 2; d++) {
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        rows.add(new Object[] {(long) i + d * 10000, i % 7 == 0 ? null : "n" + (i % 5), i * 0.5});
      }
      ArrowTestWriter.write(dir.resolve("t/test_date=2024-01-0" + d + "/part-0.arrow"), cols, rows, 300, d == 1);
    }
    try (Connection c = Connections.calcite(dir, ""); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("explain plan for select count(*), sum(v) from t")) {
        rs.next();
        System.out.println(rs.getString(1));
      }
      try (ResultSet rs = s.executeQuery("select count(*), sum(v), count(name), min(test_date) from t")) {
        rs.next();
        System.out.println(rs.getLong(1) + " " + rs.getDouble(2) + " " + rs.getLong(3) + " " + rs.getString(4));
      }
      try (ResultSet rs = s.executeQuery("select * from t where id = 10003")) {
        while (rs.next()) {
          System.out.println(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getDouble(3) + " " + rs.getString(4));
        }
      }
    }
    assertThat(WaferMemory.root().getAllocatedMemory()).isZero();
  }
}
