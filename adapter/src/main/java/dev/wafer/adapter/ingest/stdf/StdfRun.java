package dev.wafer.adapter.ingest.stdf;

import static java.util.Objects.requireNonNull;

/**
 * What the MIR says about a whole STDF file, repeated on every ingested row.
 *
 * @param lotId LOT_ID
 * @param testerId NODE_NAM, the tester's name
 * @param testerType TSTR_TYP
 * @param program JOB_NAM, the test program
 * @param testStep TEST_COD, e.g. WS1, FT2
 * @param startT START_T in local seconds since 1970, or -1 when absent
 */
public record StdfRun(String lotId, String testerId, String testerType, String program,
    String testStep, long startT) {
  public StdfRun {
    requireNonNull(lotId, "lotId");
    requireNonNull(testerId, "testerId");
    requireNonNull(testerType, "testerType");
    requireNonNull(program, "program");
    requireNonNull(testStep, "testStep");
  }

  /** Before (or without) a MIR. */
  static final StdfRun NONE = new StdfRun("", "", "", "", "", -1);
}
