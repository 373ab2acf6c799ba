package dev.wafer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.WaferMemory;
import dev.wafer.adapter.testing.Connections;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule tests over {@link TestDataset}: a connection with Wafer's rules ({@link #on}) and one with
 * {@code rules=off} ({@link #off}); after the class, every Arrow buffer must be released.
 */
abstract class DatasetTestBase {
  @TempDir static Path dir;
  static TestDataset data;
  static Connection on;
  static Connection off;

  @BeforeAll
  static void openDataset() throws Exception {
    data = TestDataset.write(dir);
    on = Connections.calcite(dir, "");
    off = Connections.calcite(dir, ",\"rules\":\"off\"");
  }

  @AfterAll
  static void closeDataset() throws Exception {
    on.close();
    off.close();
    assertThat(WaferMemory.root().getAllocatedMemory()).isZero();
  }
}
