package dev.wafer.adapter.agg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link DictionaryKeyKernel} against the definition, over batches whose dictionaries list the
 * same strings in different orders (with a null entry, the NULL key), with and without a
 * selection: COUNT(*), COUNT(x), SUM(x) of doubles and AVG(y) of longs per string equal the
 * naive per-row computation. Batches it must not serve are handed back untouched.
 */
class DictionaryKeyKernelTest {
  private static final List<AggCall> CALLS = List.of(new AggCall(AggKind.COUNT_STAR, -1, null),
      new AggCall(AggKind.COUNT, 1, null), new AggCall(AggKind.SUM, 1, null), new AggCall(AggKind.AVG, 2, null));
  private static final ValueKind[] KINDS = {ValueKind.STRING, ValueKind.DOUBLE, ValueKind.LONG};

  private BufferAllocator allocator;
  private final List<FieldVector> vectors = new ArrayList<>();
  private GroupTable table;
  private DirectKeyGroups direct;
  private Accumulator[] accumulators;
  private DictionaryKeyKernel kernel;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
    table = new GroupTable(2);
    direct = new DirectKeyGroups(table, new StringCodes());
    accumulators = new Accumulator[CALLS.size()];
    for (int i = 0; i < accumulators.length; i++) {
      AggCall call = CALLS.get(i);
      accumulators[i] = PartialAggregate.create(call, call.column() < 0 ? ValueKind.NONE : KINDS[call.column()]);
    }
    kernel = DictionaryKeyKernel.of(List.of(GroupKey.of(0)), CALLS, KINDS, accumulators, direct, groups -> {
      for (Accumulator a : accumulators) {
        a.ensure(groups);
      }
    });
  }

  @AfterEach
  void close() {
    vectors.forEach(FieldVector::close);
    allocator.close();
  }

  private <V extends FieldVector> V vector(V v, int rows) {
    v.allocateNew();
    v.setValueCount(rows);
    vectors.add(v);
    return v;
  }

  private static BatchColumns batch(String[] dictionary, FieldVector... columns) {
    return new BatchColumns() {
      @Override
      public FieldVector vector(int column) {
        return columns[column];
      }

      @Override
      public Object constant(int column) {
        return null;
      }

      @Override
      public String[] dictionary(int column) {
        return column == 0 ? dictionary : null;
      }
    };
  }

  @Test
  void foldsPerStringAsTheDefinitionSays() {
    SplittableRandom rnd = new SplittableRandom(7);
    String[][] dictionaries = {{"b", null, "a", "c"}, {"c", "a", "b", null, "d"}};
    Map<String, double[]> expected = new HashMap<>(); // count, sum of x, sum of y
    for (int b = 0; b < 6; b++) {
      String[] dictionary = dictionaries[b % 2];
      int rows = 3000 + b;
      IntVector key = vector(new IntVector("key", allocator), rows);
      Float8Vector x = vector(new Float8Vector("x", allocator), rows);
      BigIntVector y = vector(new BigIntVector("y", allocator), rows);
      for (int r = 0; r < rows; r++) {
        key.set(r, rnd.nextInt(dictionary.length));
        x.set(r, rnd.nextGaussian() * 1e6);
        y.set(r, rnd.nextLong(-1_000_000, 1_000_000));
      }
      int[] base = null;
      int n = rows;
      if (b >= 3) { // every third row selected
        base = new int[rows];
        n = 0;
        for (int r = 0; r < rows; r += 3) {
          base[n++] = r;
        }
      }
      for (int i = 0; i < n; i++) {
        int r = base == null ? i : base[i];
        double[] e = expected.computeIfAbsent(Objects.toString(dictionary[key.get(r)], "<null>"), k -> new double[3]);
        e[0]++;
        e[1] += x.get(r);
        e[2] += y.get(r);
      }
      assertThat(kernel.accumulate(batch(dictionary, key, x, y), base, n)).isTrue();
    }
    assertThat(table.size()).as("one group per string and one for NULL").isEqualTo(expected.size());
    String[] all = {"a", "b", "c", "d", null};
    for (int i = 0; i < all.length; i++) {
      int g = groupOf(new String[] {all[i]}, 0);
      double[] e = expected.get(Objects.toString(all[i], "<null>"));
      assertThat(((Number) accumulators[0].result(g, SqlTypeName.BIGINT)).longValue()).isEqualTo((long) e[0]);
      assertThat(((Number) accumulators[1].result(g, SqlTypeName.BIGINT)).longValue()).isEqualTo((long) e[0]);
      assertThat((Double) accumulators[2].result(g, SqlTypeName.DOUBLE)).isCloseTo(e[1],
          org.assertj.core.data.Offset.offset(1e-6 * Math.abs(e[1]) + 1e-3));
      assertThat(((Number) accumulators[3].result(g, SqlTypeName.BIGINT)).longValue())
          .isEqualTo((long) e[2] / (long) e[0]);
    }
  }

  @Test
  void batchesItCannotServeAreHandedBack() {
    String[] dictionary = {"a", "b"};
    IntVector key = vector(new IntVector("key", allocator), 4);
    Float8Vector x = vector(new Float8Vector("x", allocator), 4);
    BigIntVector y = vector(new BigIntVector("y", allocator), 4);
    for (int r = 0; r < 4; r++) {
      key.set(r, r % 2);
      x.set(r, r);
      y.set(r, r);
    }
    x.setNull(3);
    assertThat(kernel.accumulate(batch(dictionary, key, x, y), null, 4)).as("a NULL value").isFalse();
    x.set(3, 3.0);
    key.setNull(1);
    assertThat(kernel.accumulate(batch(dictionary, key, x, y), null, 4)).as("a NULL key index").isFalse();
    key.set(1, 1);
    String[] large = new String[DictionaryKeyKernel.MAX_ENTRIES + 1];
    java.util.Arrays.setAll(large, i -> "s" + i);
    assertThat(kernel.accumulate(batch(large, key, x, y), null, 4)).as("a large dictionary").isFalse();
    assertThat(table.size()).as("nothing folded").isZero();

    key.set(2, 5);
    assertThatThrownBy(() -> kernel.accumulate(batch(dictionary, key, x, y), null, 4))
        .hasMessageContaining("dictionary index 5 outside dictionary of 2 values");
    key.set(2, 0);
    assertThat(kernel.accumulate(batch(dictionary, key, x, y), null, 4)).isTrue();
    int a = groupOf(dictionary, 0);
    assertThat(accumulators[0].result(a, SqlTypeName.BIGINT)).as("no count left over from the bad batch")
        .isEqualTo(2L);
  }

  @Test
  void aggregatesItCannotServeGetNoKernel() {
    Accumulator[] none = new Accumulator[1];
    List<GroupKey> key = List.of(GroupKey.of(0));
    assertThat(DictionaryKeyKernel.of(key, List.of(new AggCall(AggKind.MIN, 1, null)), KINDS, none, direct, g -> { }))
        .isNull();
    assertThat(DictionaryKeyKernel.of(List.of(GroupKey.of(2)), List.of(new AggCall(AggKind.COUNT_STAR, -1, null)),
        KINDS, none, direct, g -> { })).as("not a string key").isNull();
    assertThat(DictionaryKeyKernel.of(key, List.of(new AggCall(AggKind.COUNT, 0, null)), KINDS, none, direct,
        g -> { })).as("the key as an argument").isNull();
  }

  /** The group {@code direct} gives entry {@code index} of {@code dictionary}. */
  private int groupOf(String[] dictionary, int index) {
    int[] seen = new int[dictionary.length];
    seen[index] = 1;
    int[] groups = new int[dictionary.length];
    direct.entryGroups(dictionary, seen, dictionary.length, groups);
    return groups[index];
  }
}
