package dev.wafer.sql.agg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.WaferMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The differential setup of the aggregation tests: {@link AggData}'s rows (four days of 3,000
 * rows, batches of 700) written once per test class as a Wafer dataset and into DuckDB, with a
 * Wafer connection with rules (2 threads), one with {@code rules=off}, and the DuckDB one. After
 * the class, no Arrow memory may be left, and the data is deleted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AggTestBase {
  private final String prefix;
  private final long seed;
  private Path root;
  Connection on;
  Connection off;
  Connection duck;

  /**
   * @param prefix of the temporary directory
   * @param seed of the rows
   */
  AggTestBase(String prefix, long seed) {
    this.prefix = prefix;
    this.seed = seed;
  }

  @BeforeAll
  void openData() throws Exception {
    root = Files.createTempDirectory(prefix);
    duck = AggData.write(root, seed, 4, 3_000, 700);
    on = DriverManager.getConnection("jdbc:wafer:" + root + ";threads=2");
    off = DriverManager.getConnection("jdbc:wafer:" + root + ";rules=off;threads=2");
  }

  @AfterAll
  void closeData() throws Exception {
    closeAndDelete(root, on, off, duck);
  }

  /** Closes the connections, checks that no Arrow memory is left, and deletes {@code root}. */
  static void closeAndDelete(Path root, Connection... connections) throws Exception {
    for (Connection c : connections) {
      c.close();
    }
    assertThat(WaferMemory.root().getAllocatedMemory()).as("Arrow memory after all queries").isZero();
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
