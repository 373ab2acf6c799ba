package dev.wafer.adapter.ingest.stdf;

import static dev.wafer.adapter.ingest.stdf.StdfRecordType.FTR;
import static dev.wafer.adapter.ingest.stdf.StdfRecordType.HBR;
import static dev.wafer.adapter.ingest.stdf.StdfRecordType.MIR;
import static dev.wafer.adapter.ingest.stdf.StdfRecordType.PMR;
import static dev.wafer.adapter.ingest.stdf.StdfRecordType.PRR;
import static dev.wafer.adapter.ingest.stdf.StdfRecordType.WIR;
import static dev.wafer.adapter.ingest.stdf.StdfRecordType.WRR;

import dev.wafer.adapter.ingest.IngestException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the records of one STDF file into parts, bins and test-result rows. Results (PTR, MPR,
 * FTR, via {@link TestResultDecoder}) are held per head and site until the part's PRR, then
 * handed with the part to a {@link RowSink}. Parts, bins and wafer summaries are collected.
 */
final class StdfConverter {
  /** Receives the results of each finished part. */
  interface RowSink {
    void part(PartResults results, StdfPart part, StdfRun run, TestCatalog tests, PinNames pins);
  }

  private static final int MIR_START_T = MIR.field("START_T");
  private static final int MIR_LOT_ID = MIR.field("LOT_ID");
  private static final int MIR_NODE_NAM = MIR.field("NODE_NAM");
  private static final int MIR_TSTR_TYP = MIR.field("TSTR_TYP");
  private static final int MIR_JOB_NAM = MIR.field("JOB_NAM");
  private static final int MIR_TEST_COD = MIR.field("TEST_COD");
  private static final int WIR_HEAD = WIR.field("HEAD_NUM");
  private static final int WIR_START_T = WIR.field("START_T");
  private static final int WIR_WAFER_ID = WIR.field("WAFER_ID");
  private static final int WRR_HEAD = WRR.field("HEAD_NUM");
  private static final int PRR_HEAD = PRR.field("HEAD_NUM");
  private static final int PRR_SITE = PRR.field("SITE_NUM");
  private static final int PRR_PART_FLG = PRR.field("PART_FLG");
  private static final int PRR_NUM_TEST = PRR.field("NUM_TEST");
  private static final int PRR_HARD_BIN = PRR.field("HARD_BIN");
  private static final int PRR_SOFT_BIN = PRR.field("SOFT_BIN");
  private static final int PRR_X = PRR.field("X_COORD");
  private static final int PRR_Y = PRR.field("Y_COORD");
  private static final int PRR_TEST_T = PRR.field("TEST_T");
  private static final int PRR_PART_ID = PRR.field("PART_ID");
  private static final int PRR_PART_TXT = PRR.field("PART_TXT");
  private static final int PIR_HEAD = StdfRecordType.PIR.field("HEAD_NUM");
  private static final int PIR_SITE = StdfRecordType.PIR.field("SITE_NUM");
  /** PTR, MPR and FTR all start TEST_NUM, HEAD_NUM, SITE_NUM. */
  private static final int RESULT_HEAD = StdfRecordType.PTR.field("HEAD_NUM");
  private static final int RESULT_SITE = StdfRecordType.PTR.field("SITE_NUM");
  private static final int PMR_INDX = PMR.field("PMR_INDX");
  private static final int BIN_HEAD = HBR.field("HEAD_NUM");
  private static final int BIN_SITE = HBR.field("SITE_NUM");
  private static final int BIN_NUM = HBR.field("HBIN_NUM");
  private static final int BIN_CNT = HBR.field("HBIN_CNT");
  private static final int BIN_PF = HBR.field("HBIN_PF");
  private static final int BIN_NAM = HBR.field("HBIN_NAM");

  private final Path file;
  private final RowSink sink;
  private final TestCatalog tests = new TestCatalog();
  private final PinNames pins = new PinNames();
  private final TestResultDecoder results;
  private final PartResults[] open = new PartResults[256 * 256];
  private final String[] waferOfHead = new String[256];
  private final long[] waferStartOfHead = new long[256];
  private final Map<String, Integer> insertions = new HashMap<>();
  private final List<StdfPart> parts = new ArrayList<>();
  private final List<StdfBin> bins = new ArrayList<>();
  private final List<StdfWafer> wafers = new ArrayList<>();
  private StdfRun run = StdfRun.NONE;
  private long rows;

  /** @param sink receives result rows, or null to only validate and collect parts and bins */
  StdfConverter(Path file, RowSink sink) {
    this.file = file;
    this.sink = sink;
    this.results = new TestResultDecoder(file, tests);
    java.util.Arrays.fill(waferStartOfHead, -1);
    for (StdfRecordType t : new StdfRecordType[] {StdfRecordType.MPR, FTR}) {
      if (t.field("HEAD_NUM") != RESULT_HEAD || t.field("SITE_NUM") != RESULT_SITE) {
        throw new IllegalStateException(t + " head/site fields moved");
      }
    }
  }

  void accept(StdfRecord r) throws IngestException {
    switch (r.type()) {
      case MIR -> run = new StdfRun(r.string(MIR_LOT_ID), r.string(MIR_NODE_NAM),
          r.string(MIR_TSTR_TYP), r.string(MIR_JOB_NAM), r.string(MIR_TEST_COD),
          time(r.unsigned(MIR_START_T)));
      case WIR -> {
        int head = (int) r.unsigned(WIR_HEAD);
        waferOfHead[head] = r.string(WIR_WAFER_ID);
        waferStartOfHead[head] = time(r.unsigned(WIR_START_T));
      }
      case WRR -> wafers.add(wafer(r));
      case PIR -> site(r, PIR_HEAD, PIR_SITE).clear();
      case PTR, MPR, FTR -> results.decode(r, site(r, RESULT_HEAD, RESULT_SITE));
      case PRR -> finishPart(r);
      case HBR, SBR -> bins.add(bin(r));
      case PMR -> pins.define((int) r.unsigned(PMR_INDX), r);
      default -> { }
    }
  }

  private PartResults site(StdfRecord r, int headField, int siteField) {
    int key = (int) (r.unsigned(headField) << 8 | r.unsigned(siteField));
    PartResults p = open[key];
    if (p == null) {
      p = new PartResults();
      open[key] = p;
    }
    return p;
  }

  private void finishPart(StdfRecord r) {
    PartResults pending = site(r, PRR_HEAD, PRR_SITE);
    int head = (int) r.unsigned(PRR_HEAD);
    int x = r.signed(PRR_X);
    int y = r.signed(PRR_Y);
    boolean hasXy = r.has(PRR_Y) && x != -32768 && y != -32768;
    String wafer = waferOfHead[head];
    String partId = r.string(PRR_PART_ID);
    String device = hasXy ? (wafer == null ? "" : wafer) + ":" + x + ":" + y
        : !partId.isEmpty() ? partId : "part" + (parts.size() + 1);
    int insertion = insertions.merge(device, 1, Integer::sum);
    int flags = (int) r.unsigned(PRR_PART_FLG);
    int soft = (int) r.unsigned(PRR_SOFT_BIN);
    long testT = r.unsigned(PRR_TEST_T);
    long time = waferStartOfHead[head] >= 0 ? waferStartOfHead[head] : run.startT();
    StdfPart part = new StdfPart(wafer, device, partId, head, (int) r.unsigned(PRR_SITE),
        hasXy ? x : null, hasXy ? y : null, (int) r.unsigned(PRR_HARD_BIN),
        r.has(PRR_SOFT_BIN) && soft != 65535 ? soft : null,
        (flags & 0x10) != 0 ? null : (flags & 0x08) == 0, flags, insertion,
        (int) r.unsigned(PRR_NUM_TEST), testT == 0 ? null : (double) testT,
        r.string(PRR_PART_TXT), time, r.offset());
    parts.add(part);
    rows += pending.size;
    if (sink != null) {
      sink.part(pending, part, run, tests, pins);
    }
    pending.clear();
  }

  private StdfBin bin(StdfRecord r) {
    int pf = (int) r.unsigned(BIN_PF);
    return new StdfBin(r.type() == HBR ? 'H' : 'S', (int) r.unsigned(BIN_HEAD),
        (int) r.unsigned(BIN_SITE), (int) r.unsigned(BIN_NUM), r.unsigned(BIN_CNT),
        pf == 'P' || pf == 'p' ? "P" : pf == 'F' || pf == 'f' ? "F" : null, r.string(BIN_NAM));
  }

  private StdfWafer wafer(StdfRecord r) {
    int head = (int) r.unsigned(WRR_HEAD);
    long good = r.unsigned(WRR.field("GOOD_CNT"));
    StdfWafer w = new StdfWafer(head, r.string(WRR.field("WAFER_ID")),
        r.unsigned(WRR.field("PART_CNT")), r.unsigned(WRR.field("RTST_CNT")),
        r.unsigned(WRR.field("ABRT_CNT")), good == 0xFFFF_FFFFL ? -1 : good,
        r.unsigned(WRR.field("FUNC_CNT")), r.offset());
    waferOfHead[head] = null;
    waferStartOfHead[head] = -1;
    return w;
  }

  /** STDF times: 0 means not given. */
  private static long time(long seconds) {
    return seconds == 0 ? -1 : seconds;
  }

  StdfRun run() {
    return run;
  }

  List<StdfPart> parts() {
    return parts;
  }

  List<StdfBin> bins() {
    return bins;
  }

  List<StdfWafer> wafers() {
    return wafers;
  }

  /** Result rows of the parts finished so far (results without a PRR are not counted). */
  long rows() {
    return rows;
  }

  Path file() {
    return file;
  }
}
