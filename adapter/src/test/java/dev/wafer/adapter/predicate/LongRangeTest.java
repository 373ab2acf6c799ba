package dev.wafer.adapter.predicate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link LongRange#mark}, whose interval test is an unsigned comparison of differences that wrap,
 * against {@link LongRange#test} on the values where wrapping could go wrong: the ends of the
 * long range, each bound and its neighbours, for every comparison, its negation and the empty range.
 */
class LongRangeTest {
  private static final long[] LITERALS = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1000, -1, 0, 1, 1000,
      Long.MAX_VALUE - 1, Long.MAX_VALUE};

  @Test
  void markAgreesWithTestAtTheEdges() {
    List<Long> v = new ArrayList<>();
    for (long l : LITERALS) {
      v.add(l);
      v.add(l - 1); // wraps at MIN_VALUE: still a value to test
      v.add(l + 1);
    }
    long[] x = v.stream().mapToLong(Long::longValue).toArray();
    byte[] out = new byte[x.length];
    int ranges = 0;
    List<LongRange> all = new ArrayList<>(List.of(LongRange.EMPTY, new LongRange(1, 0, true),
        new LongRange(Long.MIN_VALUE, Long.MAX_VALUE, false), new LongRange(Long.MIN_VALUE, Long.MAX_VALUE, true)));
    for (long lo : LITERALS) {
      for (long hi : LITERALS) {
        all.add(new LongRange(lo, hi, false));
        all.add(new LongRange(lo, hi, true));
      }
    }
    for (CompareOp op : CompareOp.values()) {
      for (long l : LITERALS) {
        all.add(LongRange.of(op, l));
      }
    }
    for (LongRange range : all) {
      java.util.Arrays.fill(out, (byte) 1); // NULL: none may be left unwritten
      range.mark(x, x.length, out);
      for (int i = 0; i < x.length; i++) {
        assertThat(out[i]).as("%s on %d", range, x[i]).isEqualTo(Tri.of(range.test(x[i])));
      }
      ranges++;
    }
    assertThat(ranges).isGreaterThan(150);
  }
}
