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
}
