package dev.wafer.adapter.ingest.stdf;

/**
 * The tester's own summary of one wafer (a WRR), kept to cross-check the parts read.
 *
 * @param goodCnt GOOD_CNT, or -1 when the tester wrote 4294967295 (unknown)
 */
public record StdfWafer(int head, String waferId, long partCnt, long rtstCnt, long abrtCnt,
    long goodCnt, long funcCnt, long offset) {}
