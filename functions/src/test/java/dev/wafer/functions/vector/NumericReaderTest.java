package dev.wafer.functions.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wafer.functions.testing.ArrowTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.Test;

/** NumericReader against Arrow's own getObject, for every supported type, with NULLs and a selection. */
class NumericReaderTest extends ArrowTest {
  private static final int N = 500;

  /** Fills {@code v} with random values (every 7th NULL) via {@code set}, then checks gather and get. */
  private <V extends FieldVector> void check(V v, BiConsumer<Integer, Random> set) {
    try (v) {
      Random random = new Random(v.getMinorType().ordinal());
      v.setInitialCapacity(N);
      v.allocateNew();
      for (int i = 0; i < N; i++) {
        if (i % 7 != 0) {
          set.accept(i, random);
        }
      }
      v.setValueCount(N);
      int[] selection = new int[N];
      int count = 0;
      List<Double> expected = new ArrayList<>();
      for (int i = N - 1; i >= 0; i -= 2) { // descending: selections need not be sorted
        selection[count++] = i;
        Object o = v.getObject(i);
        if (o != null && !(o instanceof Double d && d.isNaN())) {
          expected.add(o instanceof BigDecimal d ? d.doubleValue() : ((Number) o).doubleValue());
        }
      }
      double[] out = new double[N];
      int n = NumericReader.gather(v, selection, count, out);
      assertThat(n).as(v.getMinorType() + " count").isEqualTo(expected.size());
      for (int i = 0; i < n; i++) {
        assertThat(out[i]).as(v.getMinorType() + " value " + i).isEqualTo(expected.get(i));
      }
      int firstValid = NumericReader.firstValidRow(v, null, N);
      assertThat(firstValid).isEqualTo(1);
      assertThat(NumericReader.gather(v, null, N, out)).isLessThanOrEqualTo(N - (N + 6) / 7);
    }
  }

  @Test
  void everyNumericTypeReadsLikeGetObject() {
    Float8Vector f8 = new Float8Vector("f8", allocator);
    check(f8, (i, r) -> f8.set(i, i == 10 ? Double.NaN : r.nextGaussian()));
    Float4Vector f4 = new Float4Vector("f4", allocator);
    check(f4, (i, r) -> f4.set(i, (float) r.nextGaussian()));
    BigIntVector i8 = new BigIntVector("i8", allocator);
    check(i8, (i, r) -> i8.set(i, r.nextLong() >> 12));
    IntVector i4 = new IntVector("i4", allocator);
    check(i4, (i, r) -> i4.set(i, r.nextInt()));
    SmallIntVector i2 = new SmallIntVector("i2", allocator);
    check(i2, (i, r) -> i2.set(i, (short) r.nextInt()));
    TinyIntVector i1 = new TinyIntVector("i1", allocator);
    check(i1, (i, r) -> i1.set(i, (byte) r.nextInt()));
    DecimalVector dec = new DecimalVector("dec", allocator, 38, 3);
    check(dec, (i, r) -> dec.set(i, i % 11 == 0
        ? new BigDecimal("123456789012345678901234567.891").negate() // wider than a long
        : BigDecimal.valueOf(r.nextInt(2_000_000) - 1_000_000, 3)));
  }

  @Test
  void oneValueVectorIsBroadcast() {
    try (Float8Vector c = new Float8Vector("c", allocator)) {
      c.allocateNew(1);
      c.set(0, 9.8);
      c.setValueCount(1);
      double[] out = new double[4];
      assertThat(NumericReader.gather(c, new int[] {0, 5, 9, 2}, 4, out)).isEqualTo(4);
      assertThat(out).containsOnly(9.8);
      assertThat(NumericReader.firstValidRow(c, new int[] {7}, 1)).isZero();
    }
  }

  @Test
  void nonNumericColumnIsAClearError() {
    try (VarCharVector s = new VarCharVector("lot_id", allocator)) {
      s.allocateNew();
      s.setValueCount(2);
      assertThatThrownBy(() -> NumericReader.gather(s, null, 2, new double[2]))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lot_id").hasMessageContaining("VARCHAR");
    }
  }
}
