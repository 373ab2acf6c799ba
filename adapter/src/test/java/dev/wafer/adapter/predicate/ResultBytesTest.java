package dev.wafer.adapter.predicate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ResultBytes} against three-valued logic's definitions (AND the minimum, OR the maximum of
 * FALSE < NULL < TRUE), over every pair of values, word-aligned rows and a tail, and selections
 * from none to all rows.
 */
class ResultBytesTest {
  private static byte[] random(SplittableRandom rnd, int rows, int trueOneIn) {
    byte[] b = new byte[rows];
    for (int i = 0; i < rows; i++) {
      int r = rnd.nextInt(trueOneIn + 2);
      b[i] = r == 0 ? Tri.FALSE : r == 1 ? Tri.NULL : r == 2 ? Tri.TRUE : Tri.FALSE;
    }
    return b;
  }

  @Test
  void foldIsTheMinimumForAndTheMaximumForOr() {
    SplittableRandom rnd = new SplittableRandom(3);
    int rows = 1003; // 125 words and a tail of 3
    for (int round = 0; round < 20; round++) {
      byte[] x = random(rnd, rows, 1);
      byte[] y = random(rnd, rows, 1);
      byte[] and = x.clone();
      byte[] or = x.clone();
      ResultBytes.fold(and, y, rows, true);
      ResultBytes.fold(or, y, rows, false);
      for (int i = 0; i < rows; i++) {
        assertThat(and[i]).as("%d AND %d", x[i], y[i]).isEqualTo((byte) Math.min(x[i], y[i]));
        assertThat(or[i]).as("%d OR %d", x[i], y[i]).isEqualTo((byte) Math.max(x[i], y[i]));
      }
    }
  }

  @Test
  void countsAndListsTheTrueRowsOnly() {
    SplittableRandom rnd = new SplittableRandom(5);
    for (int trueOneIn : new int[] {0, 1, 7, 200}) {
      for (int rows : new int[] {0, 7, 8, 64, 1001}) {
        byte[] r = random(rnd, rows, trueOneIn);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
          if (r[i] == Tri.TRUE) {
            expected.add(i);
          }
        }
        int[] positions = new int[rows + 1];
        int k = ResultBytes.positionsOfTrue(r, rows, positions);
        assertThat(k).isEqualTo(expected.size()).isEqualTo(ResultBytes.countTrue(r, rows));
        List<Integer> actual = new ArrayList<>();
        for (int i = 0; i < k; i++) {
          actual.add(positions[i]);
        }
        assertThat(actual).as("rows %d, TRUE one in %d", rows, trueOneIn).isEqualTo(expected);
      }
    }
  }
}
