package dev.wafer.sql.agg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.WaferMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The differential setup of the aggregation tests: {@link AggData}'s rows written once as a Wafer
 * dataset and into DuckDB, with a Wafer connection with rules (2 threads), one with {@code
 * rules=off}, and the DuckDB one. Closing checks that no Arrow memory is left and deletes the data.
 */
final class AggFixture implements AutoCloseable {
  final Path root;
  final Connection on;
  final Connection off;
  final Connection duck;

  private AggFixture(Path root, Connection on, Connection off, Connection duck) {
    this.root = root;
    this.on = on;
    this.off = off;
    this.duck = duck;
  }

  /** Four days of 3,000 rows each, in batches of 700, from {@code seed}. */
  static AggFixture open(String prefix, long seed) throws Exception {
    Path root = Files.createTempDirectory(prefix);
    Connection duck = AggData.write(root, seed, 4, 3_000, 700);
    return new AggFixture(root, DriverManager.getConnection("jdbc:wafer:" + root + ";threads=2"),
        DriverManager.getConnection("jdbc:wafer:" + root + ";rules=off;threads=2"), duck);
  }

  @Override
  public void close() throws Exception {
    on.close();
    off.close();
    duck.close();
    assertThat(WaferMemory.root().getAllocatedMemory()).as("Arrow memory after all queries").isZero();
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
