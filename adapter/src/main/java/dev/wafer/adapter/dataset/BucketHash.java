package dev.wafer.adapter.dataset;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * The stable hash behind hash partitioning, identical across JVMs, runs and machines.
 *
 * <p>It follows Apache Iceberg's bucket transform so other engines can compute the same buckets:
 * 32-bit Murmur3 (x86 variant, seed 0); integers, dates (epoch days) and timestamps (the stored
 * epoch value) hash as a little-endian 8-byte long; strings hash their UTF-8 bytes; the bucket is
 * {@code (hash & Integer.MAX_VALUE) % buckets}. Never {@code String.hashCode}: it is not
 * specified to be stable, and its low bits are poorly spread.
 */
public final class BucketHash {
  private static final HashFunction MURMUR3 = Hashing.murmur3_32_fixed();

  private BucketHash() {}

  public static int hashLong(long value) {
    return MURMUR3.hashLong(value).asInt();
  }

  public static int hashString(String value) {
    return MURMUR3.hashBytes(value.getBytes(StandardCharsets.UTF_8)).asInt();
  }

  public static int hashBytes(byte[] utf8, int offset, int length) {
    return MURMUR3.hashBytes(utf8, offset, length).asInt();
  }

  public static int bucket(int hash, int buckets) {
    return (hash & Integer.MAX_VALUE) % buckets;
  }
}
