package dev.wafer.adapter.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.TreeSet;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Arrow memory is released however a generator ends, and the stream ends cleanly. */
class TestResultsGeneratorResourcesTest {

  @ParameterizedTest(name = "threads {0}")
  @ValueSource(ints = {0, 2})
  void closingMidStreamReleasesEverything(int threads) throws Exception {
    try (BufferAllocator allocator = new RootAllocator()) {
      try (TestResultsGenerator generator =
          new TestResultsGenerator(allocator, new GeneratorOptions(3L, 500_000, 10_000, threads))) {
        assertThat(generator.next()).isTrue();
        assertThat(generator.root().getRowCount()).isEqualTo(10_000);
        assertThat(allocator.getAllocatedMemory()).isPositive();
      }
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }

  @Test
  void streamEndsAndStaysEnded() throws Exception {
    try (BufferAllocator allocator = new RootAllocator()) {
      try (TestResultsGenerator generator =
          new TestResultsGenerator(allocator, new GeneratorOptions(3L, 25_000, 10_000, 1))) {
        int[] sizes = new int[4];
        int batches = 0;
        while (generator.next()) {
          sizes[batches++] = generator.root().getRowCount();
        }
        assertThat(batches).isEqualTo(3);
        assertThat(sizes).containsExactly(10_000, 10_000, 5_000, 0);
        assertThat(generator.next()).isFalse();
        assertThat(generator.root().getRowCount()).isZero();
      }
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }

  @Test
  void fillerRefusesBuffersTooSmallForTheBatch() {
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(TestResultsSchema.SCHEMA, allocator)) {
      root.getFieldVectors().forEach(v -> {
        v.setInitialCapacity(100);
        v.allocateNew();
      });
      // Writes are unchecked per value, so the capacity check up front is what keeps memory safe.
      assertThatThrownBy(() -> new BatchFiller(root, 1_000_000))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("lot_id")
          .hasMessageContaining("1000000 rows");
      BatchFiller filler = new BatchFiller(root, 100);
      RowBlock block = new RowBlock();
      block.fill(1L, 0, 1_000);
      assertThatThrownBy(() -> filler.fill(block, 0, 101, 0)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> filler.fill(block, 950, 60, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Test
  void zeroRowsGiveNoBatch() throws Exception {
    try (BufferAllocator allocator = new RootAllocator();
        TestResultsGenerator generator = TestResultsGenerator.of(allocator, 1L, 0)) {
      assertThat(generator.next()).isFalse();
    }
  }

  @Test
  void batchSurvivesAConsumerClearingTheRoot() throws Exception {
    try (BufferAllocator allocator = new RootAllocator()) {
      GeneratedRows expected = GeneratedRows.generate(new GeneratorOptions(5L, 30_000, 10_000, 0));
      try (TestResultsGenerator generator =
          new TestResultsGenerator(allocator, new GeneratorOptions(5L, 30_000, 10_000, 0))) {
        assertThat(generator.next()).isTrue();
        // A consumer may release the batch's buffers after writing it; the next batch reallocates.
        generator.root().clear();
        assertThat(generator.next()).isTrue();
        Float8Vector values = (Float8Vector) generator.root().getVector("test_value");
        assertThat(generator.root().getRowCount()).isEqualTo(10_000);
        for (int i = 0; i < 10_000; i++) {
          assertThat(values.get(i)).isEqualTo(expected.value[10_000 + i]);
        }
      }
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }

  @Test
  void defaultMillionRowsSpanTwelveDays() throws Exception {
    TreeSet<Integer> days = new TreeSet<>();
    long rows = 0;
    try (BufferAllocator allocator = new RootAllocator()) {
      GeneratorOptions options = GeneratorOptions.defaults();
      assertThat(options.rows()).isEqualTo(1_000_000);
      try (TestResultsGenerator generator = new TestResultsGenerator(allocator, options)) {
        VectorSchemaRoot root = generator.root();
        while (generator.next()) {
          DateDayVector dates = (DateDayVector) root.getVector("test_date");
          days.add(dates.get(0));
          days.add(dates.get(root.getRowCount() - 1));
          rows += root.getRowCount();
        }
      }
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
    assertThat(rows).isEqualTo(1_000_000);
    // 999,999 seconds after midnight of 2024-01-01 is 2024-01-12 13:46:39.
    assertThat(LocalDate.ofEpochDay(days.first())).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(LocalDate.ofEpochDay(days.last())).isEqualTo(LocalDate.of(2024, 1, 12));
  }
}
