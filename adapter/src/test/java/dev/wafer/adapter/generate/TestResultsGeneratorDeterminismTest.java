package dev.wafer.adapter.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wafer.adapter.dataset.Derivation;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rows depend on (seed, rows) only: never on batch size, thread count or run. */
class TestResultsGeneratorDeterminismTest {
  /** More than two internal blocks, with a partial last block. */
  private static final int ROWS = 2 * RowBlock.ROWS + 12_345;
  private static final GeneratorOptions BASE = new GeneratorOptions(7L, ROWS, 65_536, 0);

  private static GeneratedRows reference;

  @BeforeAll
  static void generateReference() throws Exception {
    reference = GeneratedRows.generate(BASE);
  }

  @Test
  void sameSeedGivesEqualRows() throws Exception {
    assertThat(GeneratedRows.generate(BASE).firstDifference(reference)).isEqualTo(-1);
  }

  @ParameterizedTest(name = "batch {0}, threads {1}")
  @CsvSource({"1000, 0", "7777, 1", "65536, 2", "100000, 3", "4194304, 0"})
  void batchSizeAndThreadsDoNotChangeRows(int batchSize, int threads) throws Exception {
    GeneratedRows rows = GeneratedRows.generate(BASE.withBatchSize(batchSize).withThreads(threads));

    assertThat(rows.batches).isEqualTo((ROWS + batchSize - 1) / batchSize);
    assertThat(rows.firstDifference(reference)).isEqualTo(-1);
  }

  /**
   * Change detector: the same (seed, rows) must give the same rows in every version, or datasets
   * and documented results silently change. Update the constant only for a deliberate change of
   * the generated data, and say so in the commit.
   */
  @Test
  void rowsMatchTheGoldenDigest() {
    assertThat(Long.toHexString(reference.digest())).isEqualTo("299bf614457cd4d7");
  }

  @Test
  void differentSeedGivesDifferentRows() throws Exception {
    GeneratedRows other = GeneratedRows.generate(BASE.withSeed(8L));

    int sameDevice = 0;
    int sameValue = 0;
    for (int i = 0; i < ROWS; i++) {
      sameDevice += other.device[i].equals(reference.device[i]) ? 1 : 0;
      sameValue += other.value[i] == reference.value[i] ? 1 : 0;
    }
    // Independent streams agree on a device about once in 10,000 rows, on a double never.
    assertThat(sameDevice).isLessThan(ROWS / 1000);
    assertThat(sameValue).isZero();
    // Timestamps are the row index, not random: equal whatever the seed.
    assertThat(other.ts).isEqualTo(reference.ts);
  }

  @Test
  void shorterTableIsPrefixExceptForTheDrift() throws Exception {
    int shortRows = RowBlock.ROWS + 99;
    GeneratedRows prefix = GeneratedRows.generate(BASE.withRows(shortRows));

    for (int i = 0; i < shortRows; i++) {
      assertThat(prefix.device[i]).isEqualTo(reference.device[i]);
      assertThat(prefix.testTime[i]).isEqualTo(reference.testTime[i]);
      boolean drifting = prefix.tester[i].equals(Anomalies.DRIFT_TESTER_ID) && prefix.testName[i].equals("Freq");
      if (!drifting) {
        assertThat(prefix.value[i]).as("row %d", i).isEqualTo(reference.value[i]);
      }
    }
  }

  @Test
  void schemaIsTheIssueContract() {
    List<String> expected = List.of(
        "lot_id VARCHAR", "wafer_id VARCHAR", "device_id VARCHAR", "die_x INTEGER", "die_y INTEGER",
        "tester_id VARCHAR", "site INTEGER", "test_num INTEGER", "test_name VARCHAR",
        "test_value DOUBLE", "lo_limit DOUBLE", "hi_limit DOUBLE", "units VARCHAR", "passed BOOLEAN",
        "hard_bin INTEGER", "soft_bin INTEGER", "test_time_ms DOUBLE", "ts TIMESTAMP(3)",
        "test_date DATE");

    assertThat(TestResultsSchema.SCHEMA.getFields().stream().map(f -> f.getName() + " " + sqlType(f)))
        .containsExactlyElementsOf(expected);
    assertThat(TestResultsSchema.SCHEMA.getFields()).noneMatch(Field::isNullable);
  }

  @Test
  void recordsTestDateAsDayOfTs() {
    try (BufferAllocator allocator = new RootAllocator();
        TestResultsGenerator generator = TestResultsGenerator.of(allocator, 1L, 10)) {
      assertThat(generator.derivations()).containsExactly(new Derivation("test_date", "ts", "day"));
      assertThat(generator.expectedRows()).isEqualTo(10);
      assertThat(generator.tableName()).isEqualTo("test_results");
    }
  }

  @Test
  void rejectsBadOptions() {
    assertThatThrownBy(() -> new GeneratorOptions(1, -1, 10, 0)).hasMessageContaining("rows");
    assertThatThrownBy(() -> new GeneratorOptions(1, 10, 0, 0)).hasMessageContaining("batchSize");
    assertThatThrownBy(() -> new GeneratorOptions(1, 10, GeneratorOptions.MAX_BATCH_SIZE + 1, 0))
        .hasMessageContaining("batchSize");
    assertThatThrownBy(() -> new GeneratorOptions(1, 10, 10, -1)).hasMessageContaining("threads");
  }

  /** The SQL type a column's Arrow field stands for, written independently of the schema code. */
  private static String sqlType(Field f) {
    if (f.getDictionary() != null) {
      return f.getType().toString().equals("Int(32, true)")
          && f.getDictionary().getIndexType().getBitWidth() == 32 ? "VARCHAR" : "?" + f.getType();
    }
    switch (f.getType().toString()) {
      case "Int(32, true)":
        return "INTEGER";
      case "FloatingPoint(DOUBLE)":
        return "DOUBLE";
      case "Bool":
        return "BOOLEAN";
      case "Timestamp(MILLISECOND, null)":
        return "TIMESTAMP(3)";
      case "Date(DAY)":
        return "DATE";
      default:
        return "?" + f.getType();
    }
  }
}
