package dev.wafer.adapter.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wafer.adapter.testing.PackedUtf8;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Ids of values read in place must be dense, in first-seen order, and bounded. */
class Utf8TableTest {

  @Test
  void idsAreDenseInFirstSeenOrderAndGiveBackTheBytes() {
    Random r = new Random(11);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      values.add(PackedUtf8.randomValue(r));
    }
    Map<String, Integer> expected = new LinkedHashMap<>();
    Utf8Table table = new Utf8Table(1 << 20);
    try (PackedUtf8 p = new PackedUtf8(values)) {
      for (int i = 0; i < values.size(); i++) {
        int want = expected.computeIfAbsent(values.get(i), v -> expected.size());
        assertThat(table.id(p.starts[i], p.lengths[i], p.end)).as("value %d '%s'", i, values.get(i)).isEqualTo(want);
      }
    }
    assertThat(table.size()).isEqualTo(expected.size()).isGreaterThan(1000);
    expected.forEach((v, id) -> assertThat(new String(table.bytes(id), StandardCharsets.UTF_8)).isEqualTo(v));
    assertThatThrownBy(() -> table.bytes(table.size())).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void aFullTableRefusesNewValuesButStillFindsItsOwn() {
    List<String> values = List.of("a", "b", "c", "a", "d", "b", "a-long-value-past-eight-bytes", "c");
    Utf8Table table = new Utf8Table(3);
    List<Integer> ids = new ArrayList<>();
    try (PackedUtf8 p = new PackedUtf8(values)) {
      for (int i = 0; i < values.size(); i++) {
        ids.add(table.id(p.starts[i], p.lengths[i], p.end));
      }
      assertThat(ids).containsExactly(0, 1, 2, 0, Utf8Table.FULL, 1, Utf8Table.FULL, 2);
      assertThat(table.size()).isEqualTo(3);
      assertThat(table.bytes()).isEqualTo(3);

      table.clear();
      assertThat(table.size()).isZero();
      assertThat(table.bytes()).isZero();
      assertThat(table.id(p.starts[4], p.lengths[4], p.end)).isZero(); // "d" now fits, as id 0
      assertThat(table.id(p.starts[0], p.lengths[0], p.end)).isEqualTo(1);
      assertThat(new String(table.bytes(0), StandardCharsets.UTF_8)).isEqualTo("d");
    }
  }
}
