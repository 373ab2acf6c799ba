package dev.wafer.adapter.agg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.testing.PackedUtf8;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Codes of UTF-8 values read in place must be the codes of the same strings made the slow way. */
class Utf8CodesTest {

  @Test
  void everyValueGetsTheCodeOfItsString() {
    Random r = new Random(7);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      values.add(PackedUtf8.randomValue(r)); // few letters: values repeat, with every length from 0 to 19
    }
    StringCodes codes = new StringCodes();
    Utf8Codes utf8 = new Utf8Codes(codes);
    try (PackedUtf8 p = new PackedUtf8(values)) {
      for (int i = 0; i < values.size(); i++) {
        // the last values sit at the buffer's end, where no 8-byte word may be read past it
        assertThat(utf8.code(p.starts[i], p.lengths[i], p.end)).as("value %d '%s'", i, values.get(i))
            .isEqualTo(codes.code(values.get(i)));
      }
    }
    assertThat(utf8.size()).isEqualTo(values.stream().distinct().count());
  }

  @Test
  void valuesThatDifferOnlyInLengthOrInTheirLastByteAreKeptApart() {
    List<String> values = List.of("", "\0", "\0\0", "W001", "W001\0", "W0010", "ABCDEFGH", "ABCDEFGHI",
        "ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOQ", "ABCDEFGH\0", "W001");
    StringCodes codes = new StringCodes();
    Utf8Codes utf8 = new Utf8Codes(codes);
    try (PackedUtf8 p = new PackedUtf8(values)) {
      for (int i = 0; i < values.size(); i++) {
        assertThat(codes.string(utf8.code(p.starts[i], p.lengths[i], p.end))).isEqualTo(values.get(i));
      }
    }
    assertThat(utf8.size()).isEqualTo(values.size() - 1);
  }

  @Test
  void pastItsBoundTheTableStartsOverAndStillAnswersRight() {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < Utf8Codes.MAX_ENTRIES + 500; i++) {
      values.add("v" + i);
    }
    values.add("v1");
    values.add("v" + (Utf8Codes.MAX_ENTRIES + 1));
    StringCodes codes = new StringCodes();
    Utf8Codes utf8 = new Utf8Codes(codes);
    try (PackedUtf8 p = new PackedUtf8(values)) {
      for (int i = 0; i < values.size(); i++) {
        assertThat(utf8.code(p.starts[i], p.lengths[i], p.end)).isEqualTo(codes.code(values.get(i)));
      }
    }
    assertThat(utf8.size()).isLessThanOrEqualTo(Utf8Codes.MAX_ENTRIES).isLessThan(600);
  }
}
