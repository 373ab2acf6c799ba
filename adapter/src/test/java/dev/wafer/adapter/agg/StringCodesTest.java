package dev.wafer.adapter.agg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class StringCodesTest {

  @Test
  void equalStringsFromDifferentDictionariesGetEqualCodes() {
    StringCodes codes = new StringCodes();
    int[] a = codes.codes(new String[] {"W01", "W02", null});
    int[] b = codes.codes(new String[] {"W02", "W03", "W01"});
    assertThat(a[2]).isEqualTo(-1);
    assertThat(b[0]).isEqualTo(a[1]);
    assertThat(b[2]).isEqualTo(a[0]);
    assertThat(b[1]).isNotIn(a[0], a[1]);
    assertThat(codes.string(b[1])).isEqualTo("W03");
    assertThat(codes.existing("W04")).isEqualTo(-1);
    assertThat(codes.existing("W03")).isEqualTo(b[1]);
  }

  @Test
  void aDictionaryIsCodedOncePerInstance() {
    StringCodes codes = new StringCodes();
    String[] dictionary = {"D1", "D2"};
    int[] first = codes.codes(dictionary);
    assertThat(codes.codes(dictionary)).isSameAs(first);
    // another instance with equal contents is coded again (identity), to the same codes
    int[] other = codes.codes(new String[] {"D1", "D2"});
    assertThat(other).isNotSameAs(first).containsExactly(first);
  }

  @Test
  void theSharedSpaceIsReplacedOnceFullAndTheOldOneStaysUsable() {
    StringCodes before = StringCodes.shared(Integer.MAX_VALUE);
    int size = before.size();
    before.code("x-" + System.nanoTime());
    assertThat(StringCodes.shared(size + 2)).isSameAs(before);
    StringCodes after = StringCodes.shared(size + 1);
    assertThat(after).isNotSameAs(before);
    assertThat(after.size()).isZero();
    assertThat(StringCodes.shared()).isSameAs(after);
    // a query that started with the old space still decodes its codes
    int code = before.code("still-here");
    assertThat(before.string(code)).isEqualTo("still-here");
  }

  @Test
  void concurrentWorkersAgreeOnCodes() throws Exception {
    StringCodes codes = new StringCodes();
    String[] words = new String[5000];
    for (int i = 0; i < words.length; i++) {
      words[i] = "S" + i;
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<int[]>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String[] copy = words.clone();
        results.add(pool.submit(() -> codes.codes(copy)));
      }
      int[] first = results.get(0).get();
      for (Future<int[]> f : results) {
        assertThat(f.get()).containsExactly(first);
      }
      assertThat(codes.size()).isEqualTo(words.length);
      for (int i = 0; i < words.length; i++) {
        assertThat(codes.string(first[i])).isEqualTo(words[i]);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
