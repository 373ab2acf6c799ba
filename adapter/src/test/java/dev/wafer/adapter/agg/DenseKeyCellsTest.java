package dev.wafer.adapter.agg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link DenseKeyCells} against the definition: rows with equal key tuples (NULLs included) get
 * the same group, different tuples different groups, and the group table ends with one group per
 * distinct tuple; whether it serves or hands the rows back to the caller's hash path.
 */
class DenseKeyCellsTest {

  /**
   * @param keys number of keys
   * @param strings whether the keys are string codes (else arbitrary long words)
   * @param dependent whether key 0 is a function of key 1 (a device is on one wafer)
   * @param card1 distinct values of the last key
   * @param nullEvery every how many rows a key is NULL (0: never)
   */
  @ParameterizedTest(name = "keys={0} strings={1} dependent={2} card={3} nulls={4}")
  @CsvSource({
      "2, true, true, 10000, 0",
      "2, true, false, 4, 0",
      "2, true, false, 3000, 0",
      "2, false, false, 50, 7",
      "3, true, false, 20, 0",
      "3, false, true, 500, 11",
      "2, true, true, 10000, 5"})
  void groupsAsTheDefinitionSays(int keys, boolean strings, boolean dependent, int card1, int nullEvery) {
    SplittableRandom rnd = new SplittableRandom(keys * 31L + card1);
    int n = 4096;
    try (BufferAllocator allocator = new RootAllocator(); ArrowBuf validity = allocator.buffer(n / 8 + 1)) {
      GroupTable table = new GroupTable(keys + 1);
      boolean[] stringKey = new boolean[keys];
      java.util.Arrays.fill(stringKey, strings);
      DenseKeyCells cells = new DenseKeyCells(table, stringKey);
      Map<List<Long>, Integer> expected = new HashMap<>();
      boolean served = true;
      for (int batch = 0; batch < 40; batch++) {
        long[][] values = new long[keys][n];
        ColumnBatch[] columns = new ColumnBatch[keys];
        for (int j = 0; j < keys; j++) {
          columns[j] = new ColumnBatch();
        }
        List<List<Long>> tuples = new ArrayList<>();
        for (int r = 0; r < n; r++) {
          long last = rnd.nextInt(card1);
          values[keys - 1][r] = strings ? last : last * 1_000_003L - 7;
          for (int j = 0; j < keys - 1; j++) {
            long v = dependent ? last / 97 + j : rnd.nextInt(5 + j);
            values[j][r] = strings ? 5000 + v : -v;
          }
          List<Long> t = new ArrayList<>();
          for (int j = 0; j < keys; j++) {
            t.add(values[j][r]);
          }
          tuples.add(t);
        }
        if (nullEvery > 0) {
          // key 0 is NULL every nullEvery rows; its value word then does not count
          for (int i = 0; i < n / 8 + 1; i++) {
            validity.setByte(i, 0xFF);
          }
          for (int r = 0; r < n; r += nullEvery) {
            validity.setByte(r >> 3, validity.getByte(r >> 3) & ~(1 << (r & 7)));
            values[0][r] = 999_999; // garbage under a NULL
            tuples.get(r).set(0, null);
          }
          columns[0].hasNulls = true;
          columns[0].validity = validity.memoryAddress();
        }
        int[] out = new int[n];
        if (!cells.groups(values, columns, null, n, out)) {
          served = false;
          continue; // the caller's hash path takes these rows; nothing to check here
        }
        for (int r = 0; r < n; r++) {
          Integer known = expected.putIfAbsent(tuples.get(r), out[r]);
          assertThat(known == null ? out[r] : known).as("group of %s", tuples.get(r)).isEqualTo(out[r]);
        }
      }
      assertThat(expected.values().stream().distinct().count()).as("different tuples, different groups")
          .isEqualTo(expected.size());
      if (served) {
        assertThat(table.size()).isEqualTo(expected.size());
      }
      if (dependent || card1 <= 20) {
        assertThat(served).as("keys that repeat are served by the direct tables").isTrue();
      }
    }
  }
}
