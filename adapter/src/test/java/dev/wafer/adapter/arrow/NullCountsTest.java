package dev.wafer.adapter.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.Test;

/** NULL counts read from the validity bitmap equal the NULLs written, for every length and type. */
class NullCountsTest {
  @Test
  void countsTheNullsWrittenForEveryLengthAndNullShare() {
    Random random = new Random(7);
    try (BufferAllocator allocator = new RootAllocator()) {
      // lengths around the 8-byte and 1-byte steps of the count, and shares from none to all
      for (int n : new int[] {0, 1, 7, 8, 9, 63, 64, 65, 71, 72, 1000, 4099}) {
        for (double share : new double[] {0, 0.01, 0.5, 1}) {
          try (IntVector ints = new IntVector("i", allocator);
              Float8Vector doubles = new Float8Vector("d", allocator);
              BitVector bits = new BitVector("b", allocator);
              VarCharVector strings = new VarCharVector("s", allocator)) {
            int nulls = 0;
            for (int r = 0; r < n; r++) {
              boolean isNull = random.nextDouble() < share;
              nulls += isNull ? 1 : 0;
              if (isNull) {
                ints.setNull(r);
                doubles.setNull(r);
                bits.setNull(r);
                strings.setNull(r);
              } else {
                ints.setSafe(r, r);
                doubles.setSafe(r, r * 0.5);
                bits.setSafe(r, r & 1);
                strings.setSafe(r, ("v" + r).getBytes(StandardCharsets.UTF_8));
              }
            }
            for (FieldVector v : new FieldVector[] {ints, doubles, bits, strings}) {
              v.setValueCount(n);
              assertThat(NullCounts.of(v)).as("%s of %d rows", v.getMinorType(), n)
                  .isEqualTo(nulls).isEqualTo(v.getNullCount());
            }
          }
        }
      }
    }
  }

  @Test
  void bitsBeyondTheValueCountDoNotCount() {
    try (BufferAllocator allocator = new RootAllocator(); IntVector v = new IntVector("i", allocator)) {
      for (int r = 0; r < 100; r++) {
        v.setSafe(r, r);
      }
      v.setNull(20);
      v.setValueCount(100);
      v.setValueCount(13); // slots 13..99 keep their validity bits
      assertThat(NullCounts.of(v)).isZero();
      v.setValueCount(21);
      assertThat(NullCounts.of(v)).isEqualTo(1);
    }
  }
}
