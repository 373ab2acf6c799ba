package dev.wafer.adapter.agg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.predicate.ColumnRange;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link BatchConstantKeys}: which batch statistics prove a group key constant, and the table
 * word it then takes, which must be the word the per-row path computes for the same value.
 */
class BatchConstantKeysTest {
  private static final long DAY = 86_400_000L;
  private BufferAllocator allocator;
  private IntVector loaded;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
    loaded = new IntVector("any", allocator);
  }

  @AfterEach
  void close() {
    loaded.close();
    allocator.close();
  }

  private static long millis(String ts) {
    return LocalDateTime.parse(ts).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private static ColumnRange range(Object min, Object max) {
    return new ColumnRange(min, max, false, true, false, 0, 0);
  }

  /** One key over column 0 of the given kind; returns whether it is proven constant. */
  private boolean proven(BatchConstantKeys keys, ColumnRange r) {
    return keys.find(batch(r)) && keys.constant[0];
  }

  /** A batch whose columns are all loaded, with the given statistics per column. */
  private BatchColumns batch(ColumnRange... ranges) {
    return new BatchColumns() {
      @Override
      public FieldVector vector(int column) {
        return loaded;
      }

      @Override
      public Object constant(int column) {
        return null;
      }

      @Override
      public String[] dictionary(int column) {
        return null;
      }

      @Override
      public ColumnRange range(int column) {
        return ranges[column];
      }
    };
  }

  private static BatchConstantKeys keys(KeyTransform t, ValueKind kind, boolean date, StringCodes codes) {
    return new BatchConstantKeys(List.of(new GroupKey(0, t)), new ValueKind[] {kind}, new boolean[] {date}, codes);
  }

  @Test
  void timeBucketsOfOneDayAreConstant() {
    BatchConstantKeys day = keys(KeyTransform.CAST_DATE, ValueKind.LONG, false, new StringCodes());
    long lo = millis("2024-03-10T00:00:00");
    long hi = millis("2024-03-10T23:59:59.999");
    assertThat(proven(day, range(lo, hi))).isTrue();
    assertThat(day.words[0]).isEqualTo(KeyTransform.CAST_DATE.apply(lo, false)).isEqualTo(lo / DAY);

    assertThat(proven(day, range(lo, hi + 1))).as("a batch reaching into the next day").isFalse();

    BatchConstantKeys month = keys(KeyTransform.FLOOR_MONTH, ValueKind.LONG, false, new StringCodes());
    assertThat(proven(month, range(lo, millis("2024-03-31T23:00:00")))).isTrue();
    assertThat(month.words[0]).isEqualTo(millis("2024-03-01T00:00:00"));

    BatchConstantKeys hour = keys(KeyTransform.EXTRACT_HOUR, ValueKind.LONG, false, new StringCodes());
    assertThat(proven(hour, range(lo, lo + 1))).as("EXTRACT(HOUR) is not monotonic").isFalse();

    BatchConstantKeys dates = keys(KeyTransform.FLOOR_YEAR, ValueKind.LONG, true, new StringCodes());
    assertThat(proven(dates, range(19_800, 19_900))).as("dates in days, both in 2024").isTrue();
    assertThat(dates.words[0]).isEqualTo(KeyTransform.FLOOR_YEAR.apply(19_800, true));
  }

  @Test
  void plainKeysAreConstantWhenMinEqualsMax() {
    StringCodes codes = new StringCodes();
    BatchConstantKeys strings = keys(KeyTransform.NONE, ValueKind.STRING, false, codes);
    assertThat(proven(strings, range("W07", "W07"))).isTrue();
    assertThat(strings.words[0]).isEqualTo(codes.code("W07"));
    assertThat(proven(strings, range("W07", "W08"))).isFalse();

    BatchConstantKeys longs = keys(KeyTransform.NONE, ValueKind.LONG, false, codes);
    assertThat(proven(longs, range(42, 42))).isTrue();
    assertThat(longs.words[0]).isEqualTo(42);
    assertThat(proven(longs, range(true, true))).as("booleans as 0/1").isTrue();
    assertThat(longs.words[0]).isEqualTo(1);

    BatchConstantKeys doubles = keys(KeyTransform.NONE, ValueKind.DOUBLE, false, codes);
    assertThat(proven(doubles, range(2.5, 2.5))).isTrue();
    assertThat(doubles.words[0]).isEqualTo(Double.doubleToLongBits(2.5));
    assertThat(proven(doubles, range(-0.0, -0.0))).isTrue();
    assertThat(doubles.words[0]).as("-0.0 groups with 0.0").isZero();
  }

  @Test
  void nullsNansAndMissingStatisticsProveNothing() {
    BatchConstantKeys longs = keys(KeyTransform.NONE, ValueKind.LONG, false, new StringCodes());
    assertThat(proven(longs, new ColumnRange(7L, 7L, true, true, false, 0, 0))).as("may hold NULL").isFalse();
    assertThat(proven(longs, ColumnRange.UNKNOWN)).isFalse();
    assertThat(proven(longs, null)).as("no statistics (Parquet)").isFalse();
    assertThat(proven(longs, ColumnRange.ALL_NULL)).isFalse();
    BatchConstantKeys doubles = keys(KeyTransform.NONE, ValueKind.DOUBLE, false, new StringCodes());
    assertThat(proven(doubles, new ColumnRange(1.0, 1.0, false, true, true, 0, 0))).as("may hold NaN").isFalse();
  }

  @Test
  void everyKeyMustBeConstantForTheBatchToBe() {
    StringCodes codes = new StringCodes();
    BatchConstantKeys two = new BatchConstantKeys(
        List.of(new GroupKey(0, KeyTransform.NONE), new GroupKey(1, KeyTransform.CAST_DATE)),
        new ValueKind[] {ValueKind.STRING, ValueKind.LONG}, new boolean[2], codes);
    long lo = millis("2024-03-10T01:00:00");
    BatchColumns b = batch(range("L1", "L1"), range(lo, lo + DAY));
    assertThat(two.find(b)).isFalse();
    assertThat(two.constant).containsExactly(true, false);
    two.clear();
    assertThat(two.constant).containsExactly(false, false);
  }
}
