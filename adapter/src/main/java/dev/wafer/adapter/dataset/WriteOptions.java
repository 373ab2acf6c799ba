package dev.wafer.adapter.dataset;

import static java.util.Objects.requireNonNull;

/**
 * Tuning and behaviour of a {@link DatasetWriter}.
 *
 * @param format data file format
 * @param mode what to do when the table exists
 * @param batchRows rows per record batch (DESIGN §3: 64k-256k read fastest)
 * @param maxFileBytes a file is closed and a new one started once it reaches this size; also
 *     keeps files under Java's 2 GB limit for one mapped buffer
 * @param maxOpenFiles partitions buffered and open at once; the least recently written one is
 *     closed beyond it, which bounds memory whatever the number of partitions
 * @param maxDictionaryEntries a plain string column of an Arrow file with at most this many
 *     distinct values (and each value twice on average) is dictionary-encoded once the file is
 *     finished (DESIGN §3); 0 keeps every column as the source gave it
 */
public record WriteOptions(FileFormat format, WriteMode mode, int batchRows, long maxFileBytes,
    int maxOpenFiles, int maxDictionaryEntries) {

  public static final int DEFAULT_BATCH_ROWS = 128 * 1024;
  public static final long DEFAULT_MAX_FILE_BYTES = 512L << 20;
  public static final int DEFAULT_MAX_OPEN_FILES = 64;
  /** Enough for device, lot, wafer, test and bin names and part ids within a file. */
  public static final int DEFAULT_MAX_DICTIONARY_ENTRIES = 1 << 16;

  public WriteOptions {
    requireNonNull(format, "format");
    requireNonNull(mode, "mode");
    if (batchRows < 1) {
      throw new IllegalArgumentException("batchRows must be positive: " + batchRows);
    }
    if (maxFileBytes < 1 || maxFileBytes > (1L << 31) - 1) {
      throw new IllegalArgumentException("maxFileBytes must be in 1..2^31-1: " + maxFileBytes);
    }
    if (maxOpenFiles < 1) {
      throw new IllegalArgumentException("maxOpenFiles must be positive: " + maxOpenFiles);
    }
    if (maxDictionaryEntries < 0 || maxDictionaryEntries > dev.wafer.adapter.arrow.Utf8Table.MAX_CAPACITY) {
      throw new IllegalArgumentException("maxDictionaryEntries must be in 0.."
          + dev.wafer.adapter.arrow.Utf8Table.MAX_CAPACITY + ": " + maxDictionaryEntries);
    }
  }

  public static WriteOptions defaults() {
    return new WriteOptions(FileFormat.ARROW, WriteMode.CREATE, DEFAULT_BATCH_ROWS,
        DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_OPEN_FILES, DEFAULT_MAX_DICTIONARY_ENTRIES);
  }

  public WriteOptions withFormat(FileFormat f) {
    return new WriteOptions(f, mode, batchRows, maxFileBytes, maxOpenFiles, maxDictionaryEntries);
  }

  public WriteOptions withMode(WriteMode m) {
    return new WriteOptions(format, m, batchRows, maxFileBytes, maxOpenFiles, maxDictionaryEntries);
  }

  public WriteOptions withBatchRows(int rows) {
    return new WriteOptions(format, mode, rows, maxFileBytes, maxOpenFiles, maxDictionaryEntries);
  }

  public WriteOptions withMaxFileBytes(long bytes) {
    return new WriteOptions(format, mode, batchRows, bytes, maxOpenFiles, maxDictionaryEntries);
  }

  public WriteOptions withMaxOpenFiles(int n) {
    return new WriteOptions(format, mode, batchRows, maxFileBytes, n, maxDictionaryEntries);
  }

  public WriteOptions withMaxDictionaryEntries(int n) {
    return new WriteOptions(format, mode, batchRows, maxFileBytes, maxOpenFiles, n);
  }
}
