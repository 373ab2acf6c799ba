package dev.wafer.sql.agg;

import dev.wafer.adapter.testing.ArrowTestWriter;
import dev.wafer.adapter.testing.TestColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Informal timing (not a test; run by hand with the test class path): count by wafer and GROUP BY
 * device_id over generated rows, rules on vs off, 1 vs 2 threads. Prints best-of-3 milliseconds.
 * Arguments: dataset directory, rows (written when the directory has no table yet).
 */
public final class AggregationTiming {
  private AggregationTiming() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int rows = Integer.parseInt(args[1]);
    if (!Files.exists(root.resolve("t"))) {
      List<TestColumn> cols = List.of(TestColumn.dict("lot"), TestColumn.of("wafer", new ArrowType.Int(32, true)),
          TestColumn.of("device_id", new ArrowType.Int(32, true)),
          TestColumn.of("test_time", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)));
      Random rnd = new Random(1);
      int perFile = 500_000;
      for (int f = 0; f * perFile < rows; f++) {
        List<Object[]> part = new ArrayList<>();
        for (int i = 0; i < Math.min(perFile, rows - f * perFile); i++) {
          part.add(new Object[] {"L" + rnd.nextInt(20), rnd.nextInt(25), rnd.nextInt(10_000), rnd.nextDouble() * 10});
        }
        ArrowTestWriter.write(root.resolve("t/part-" + f + ".arrow"), cols, part, 131_072, true);
      }
    }
    String[] queries = {"select lot, wafer, count(*) from t group by lot, wafer",
        "select device_id, sum(test_time), count(*) from t group by device_id"};
    for (String props : new String[] {"threads=1", "threads=2", "rules=off;threads=1", "rules=off;threads=2"}) {
      try (Connection c = DriverManager.getConnection("jdbc:wafer:" + root + ";" + props)) {
        for (String q : queries) {
          long best = Long.MAX_VALUE;
          for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            try (ResultSet rs = c.createStatement().executeQuery(q)) {
              while (rs.next()) {
                rs.getObject(1);
              }
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1_000_000);
          }
          System.out.println(props + " | " + q + " | " + best + " ms");
        }
      }
    }
  }
}
