package dev.wafer.adapter.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BalanceReportTest {
  @TempDir Path root;

  @Test
  void reportReadFromTheTableEqualsTheReportOfTheWriteForBothFormats() throws Exception {
    try (BufferAllocator allocator = new RootAllocator()) {
      for (FileFormat format : FileFormat.values()) {
        String table = "t_" + format.name().toLowerCase();
        WriteResult result;
        try (SampleSource src = new SampleSource(allocator, 5000, 1000, 3)) {
          result = DatasetWriter.write(root, table, src, PartitionSpec.parse("d", src.schema()),
              List.of(), WriteOptions.defaults().withFormat(format), allocator, n -> {});
        }
        BalanceReport written = BalanceReport.of(result);
        BalanceReport read = BalanceReport.of(root.resolve(table), allocator);
        assertThat(read.partitions()).extracting(BalanceReport.Partition::path,
                BalanceReport.Partition::rows, BalanceReport.Partition::bytes)
            .isEqualTo(written.partitions().stream()
                .map(p -> org.assertj.core.groups.Tuple.tuple(p.path(), p.rows(), p.bytes())).toList());
        // 5000 minutes: 1440, 1440, 1440, 680 rows per day
        assertThat(read.partitions()).extracting(BalanceReport.Partition::rows)
            .containsExactly(1440L, 1440L, 1440L, 680L);
        assertThat(read.totalRows()).isEqualTo(5000);
        assertThat(read.minRows()).isEqualTo(680);
        assertThat(read.maxRows()).isEqualTo(1440);
        assertThat(read.meanRows()).isEqualTo(1250.0);
        assertThat(read.stddevRows()).isCloseTo(Math.sqrt((3 * 190.0 * 190 + 570.0 * 570) / 4), within(1e-9));
        assertThat(read.skewPercent()).isCloseTo(15.2, within(1e-9));
        assertThat(read.format()).contains("d=2024-01-04").contains("skew 15.2%");
      }
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }
}
