package dev.wafer.adapter.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Golden values: the hash must never change, or existing hash partitions become unreadable. */
class BucketHashTest {
  @Test
  void matchesTheIcebergSpecificationVectors() {
    // from the Apache Iceberg table spec, "Appendix B: 32-bit Hash Requirements"
    assertThat(BucketHash.hashLong(34L)).isEqualTo(2017239379);
    assertThat(BucketHash.hashString("iceberg")).isEqualTo(1210000089);
    assertThat(BucketHash.hashLong(17_486L)).isEqualTo(-653330422); // date 2017-11-16
  }

  @Test
  void bucketsOfTheGeneratorsKeysAreFrozen() {
    // recorded when hash partitioning shipped; a change means existing tables' layout changed
    int[] wafers = new int[4];
    for (int i = 0; i < 4; i++) {
      wafers[i] = BucketHash.bucket(BucketHash.hashString("W00" + (i + 1)), 4);
    }
    assertThat(wafers).containsExactly(0, 0, 3, 2);
    assertThat(BucketHash.bucket(BucketHash.hashString("D00001"), 16))
        .isEqualTo(BucketHash.bucket(BucketHash.hashBytes("xD00001".getBytes(
            java.nio.charset.StandardCharsets.UTF_8), 1, 6), 16));
    assertThat(BucketHash.bucket(Integer.MIN_VALUE, 7)).isBetween(0, 6);
  }
}
