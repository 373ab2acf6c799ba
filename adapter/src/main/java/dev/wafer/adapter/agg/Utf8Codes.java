package dev.wafer.adapter.agg;

import dev.wafer.adapter.arrow.Utf8Table;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The {@link StringCodes} code of a UTF-8 value read in place from an Arrow buffer, remembered by
 * its bytes in a {@link Utf8Table}: a plain (not dictionary-encoded) string column repeats a few
 * values over millions of rows, and making a {@code String} of every row to look its code up
 * allocated twice per row and cost 40 ns a row. A value becomes a {@code String} once, when first
 * seen.
 *
 * <p>One per scan worker: not thread-safe. Bounded: past {@value #MAX_ENTRIES} distinct values the
 * table starts over, so a column of unique values costs what it did before, not unbounded memory.
 */
final class Utf8Codes {
  static final int MAX_ENTRIES = 1 << 16;

  private final StringCodes codes;
  private final Utf8Table table = new Utf8Table(MAX_ENTRIES);
  /** The code of each table id below {@link #known}. */
  private int[] codeOf = new int[64];
  private int known;

  Utf8Codes(StringCodes codes) {
    this.codes = codes;
  }

  /**
   * The code of the {@code length} bytes at {@code address}.
   *
   * @param end the end of the buffer they are in: up to 8 bytes are read at once below it
   */
  int code(long address, int length, long end) {
    int id = table.id(address, length, end);
    if (id >= 0 && id < known) {
      return codeOf[id];
    }
    if (id == Utf8Table.FULL) {
      table.clear();
      known = 0;
      id = table.id(address, length, end);
    }
    // ids are dense: a new one is the next
    if (id == codeOf.length) {
      codeOf = Arrays.copyOf(codeOf, 2 * id);
    }
    codeOf[id] = codes.code(new String(table.bytes(id), StandardCharsets.UTF_8));
    known = id + 1;
    return codeOf[id];
  }

  /** Distinct values remembered (for tests). */
  int size() {
    return table.size();
  }
}
