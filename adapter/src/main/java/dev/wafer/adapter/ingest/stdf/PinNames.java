package dev.wafer.adapter.ingest.stdf;

import java.nio.charset.StandardCharsets;

/**
 * Pin names from the PMRs of a file, by PMR index: the logical name, else the channel name,
 * else the physical name, else the index itself as text. MPR results name their pins this way.
 */
final class PinNames {
  private static final int CHAN_NAM = StdfRecordType.PMR.field("CHAN_NAM");
  private static final int PHY_NAM = StdfRecordType.PMR.field("PHY_NAM");
  private static final int LOG_NAM = StdfRecordType.PMR.field("LOG_NAM");

  private final byte[][] names = new byte[65536][];

  void define(int index, StdfRecord pmr) {
    int f = pmr.stringLength(LOG_NAM) > 0 ? LOG_NAM
        : pmr.stringLength(CHAN_NAM) > 0 ? CHAN_NAM : PHY_NAM;
    byte[] b = TestCatalog.bytesOf(pmr, f);
    names[index] = b.length > 0 ? b : null;
  }

  /** UTF-8/ASCII bytes of the name of pin {@code index}. */
  byte[] name(int index) {
    byte[] b = names[index];
    if (b == null) {
      b = Integer.toString(index).getBytes(StandardCharsets.US_ASCII);
      names[index] = b;
    }
    return b;
  }
}
