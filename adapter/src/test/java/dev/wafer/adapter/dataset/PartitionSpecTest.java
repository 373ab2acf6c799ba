package dev.wafer.adapter.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class PartitionSpecTest {
  private static Schema schema() {
    try (RootAllocator a = new RootAllocator(); SampleSource s = new SampleSource(a, 0, 1, 1)) {
      return s.schema();
    }
  }

  @Test
  void parsesEveryFormAndPrintsItBack() {
    PartitionSpec spec = PartitionSpec.parse("d, name:hash(16),x:range(90,110), ts:month", schema());
    assertThat(spec.fields()).extracting(PartitionField::key)
        .containsExactly("d", "name_bucket", "x_range", "ts_month");
    assertThat(spec.toString()).isEqualTo("d,name:hash(16),x:range(90,110),ts:month");
    assertThat(PartitionSpec.parse(spec.toString(), schema())).isEqualTo(spec);
  }

  @Test
  void rejectsUnknownColumnsAndTransformsNamingTheValidChoices() {
    assertThatThrownBy(() -> PartitionSpec.parse("wafer", schema()))
        .isInstanceOf(PartitionSpecException.class)
        .hasMessageContaining("unknown partition column 'wafer'").hasMessageContaining("name, label");
    assertThatThrownBy(() -> PartitionSpec.parse("ts:week", schema()))
        .hasMessageContaining("unknown partition transform 'week'").hasMessageContaining("COLUMN:day");
    assertThatThrownBy(() -> PartitionSpec.parse("x", schema())).hasMessageContaining("range");
    assertThatThrownBy(() -> PartitionSpec.parse("name:hash(0)", schema())).hasMessageContaining("1..65536");
    assertThatThrownBy(() -> PartitionSpec.parse("name:hash", schema())).hasMessageContaining("hash(16)");
    assertThatThrownBy(() -> PartitionSpec.parse("x:range(5,1)", schema())).hasMessageContaining("ascending");
    assertThatThrownBy(() -> PartitionSpec.parse("name:day", schema())).hasMessageContaining("DATE or TIMESTAMP");
    assertThatThrownBy(() -> PartitionSpec.parse("d,d", schema())).hasMessageContaining("twice");
    assertThatThrownBy(() -> PartitionSpec.parse("d;x", schema())).hasMessageContaining("malformed");
  }

  @Test
  void rangeBucketsSplitAtTheirBounds() {
    PartitionTransform.Range r = new PartitionTransform.Range(new double[] {90, 110});
    assertThat(r.bucket(89.999)).isZero();
    assertThat(r.bucket(90)).isEqualTo(1);
    assertThat(r.bucket(109.9)).isEqualTo(1);
    assertThat(r.bucket(110)).isEqualTo(2);
    assertThat(r.bucket(Double.NaN)).isEqualTo(2);
  }
}
