package dev.wafer.adapter.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PartitionTypesTest {
  @Test
  void infersTheNarrowestTypeAllValuesHave() {
    assertThat(PartitionTypes.infer(Arrays.asList("2024-01-03", "2024-02-29", null))).isEqualTo(ColumnKind.DATE);
    assertThat(PartitionTypes.infer(Arrays.asList("2023-02-29"))).isEqualTo(ColumnKind.VARCHAR);
    assertThat(PartitionTypes.infer(Arrays.asList("1", "-7", "+3"))).isEqualTo(ColumnKind.INTEGER);
    assertThat(PartitionTypes.infer(Arrays.asList("1", "2147483648"))).isEqualTo(ColumnKind.BIGINT);
    assertThat(PartitionTypes.infer(Arrays.asList("1", "x"))).isEqualTo(ColumnKind.VARCHAR);
    assertThat(PartitionTypes.infer(Arrays.asList("99999999999999999999"))).isEqualTo(ColumnKind.VARCHAR);
    assertThat(PartitionTypes.infer(Arrays.asList((String) null))).isEqualTo(ColumnKind.VARCHAR);
  }

  @Test
  void convertsToCalciteValues() {
    assertThat(PartitionTypes.convert("2024-01-03", ColumnKind.DATE))
        .isEqualTo((int) LocalDate.of(2024, 1, 3).toEpochDay());
    assertThat(PartitionTypes.convert("-7", ColumnKind.INTEGER)).isEqualTo(-7);
    assertThat(PartitionTypes.convert("2147483648", ColumnKind.BIGINT)).isEqualTo(2147483648L);
    assertThat(PartitionTypes.convert("007", ColumnKind.VARCHAR)).isEqualTo("007");
    assertThat(PartitionTypes.convert(null, ColumnKind.DATE)).isNull();
    assertThatThrownBy(() -> PartitionTypes.convert("x", ColumnKind.INTEGER)).hasMessageContaining("'x'");
    assertThatThrownBy(() -> PartitionTypes.convert("2024-13-01", ColumnKind.DATE)).hasMessageContaining("date");
  }

  /** The verdict of java.time's strict ISO parser, which the hand-written reader must match. */
  private static Integer isoEpochDay(String v) {
    if (!v.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return null;
    }
    try {
      return (int) LocalDate.parse(v).toEpochDay();
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  @Test
  void readsDatesExactlyAsTheIsoParserDoes() {
    java.util.Random random = new java.util.Random(42);
    String alphabet = "0123456789-+ x\u0663";
    int dates = 0;
    for (int i = 0; i < 200_000; i++) {
      String v;
      if (i % 2 == 0) { // near-dates: random fields, some out of range, some characters swapped
        char[] c = String.format("%04d-%02d-%02d", random.nextInt(10_000), random.nextInt(14), random.nextInt(33))
            .toCharArray();
        if (random.nextInt(4) == 0) {
          c[random.nextInt(c.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        v = new String(c);
      } else { // arbitrary strings of about that length
        StringBuilder b = new StringBuilder();
        for (int k = 8 + random.nextInt(5); k > 0; k--) {
          b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        v = b.toString();
      }
      Integer expected = isoEpochDay(v);
      dates += expected == null ? 0 : 1;
      assertThat(PartitionTypes.epochDay(v)).as(v).isEqualTo(expected);
    }
    assertThat(dates).isGreaterThan(50_000); // the comparison covered valid dates, not only rejections
    assertThat(PartitionTypes.epochDay("2024-02-29")).isEqualTo((int) LocalDate.of(2024, 2, 29).toEpochDay());
    assertThat(PartitionTypes.epochDay("2023-02-29")).isNull();
    assertThat(PartitionTypes.epochDay("0000-01-01")).isEqualTo((int) LocalDate.of(0, 1, 1).toEpochDay());
  }
}
