package dev.wafer.adapter.ingest.stdf;

/**
 * One HBR or SBR: a row of table {@code stdf_bins}.
 *
 * @param binType 'H' (hard bin, HBR) or 'S' (soft bin, SBR)
 * @param head HEAD_NUM; 255 means the summary over all heads and sites
 * @param pf "P" or "F", or null when the tester left the flag blank or NUL
 */
public record StdfBin(char binType, int head, int site, int binNum, long count, String pf,
    String name) {}
