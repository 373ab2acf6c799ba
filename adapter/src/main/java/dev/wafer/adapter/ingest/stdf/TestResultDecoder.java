package dev.wafer.adapter.ingest.stdf;

import static dev.wafer.adapter.ingest.stdf.StdfRecordType.FTR;
import static dev.wafer.adapter.ingest.stdf.StdfRecordType.MPR;
import static dev.wafer.adapter.ingest.stdf.StdfRecordType.PTR;
import static dev.wafer.adapter.ingest.stdf.TestCatalog.NULL_INT;
import static dev.wafer.adapter.ingest.stdf.TestCatalog.limit;

import dev.wafer.adapter.ingest.IngestException;
import java.nio.file.Path;

/**
 * Decodes PTR, MPR and FTR records into result rows of a part, applying the rules real files
 * need:
 *
 * <ul>
 *   <li>the first record of a test sets its defaults (limits, units, scale, spec limits; for MPR
 *       also the pin list); a later record missing OPT_FLAG takes them all, one with OPT_FLAG
 *       bit 4/5 set takes the default low/high limit, bit 0 the default RES_SCAL;
 *   <li>OPT_FLAG bit 6/7 (no low/high limit), bit 2/3 (no low/high spec limit) and non-finite
 *       limits give NULL;
 *   <li>a result is a value only when TEST_FLG bits 0-5 and PARM_FLG bits 0-2 are clear;
 *       {@code passed} is NULL when TEST_FLG bit 6 says the pass/fail flag is invalid, else
 *       bit 7 clear;
 *   <li>an MPR becomes one row per returned result, each naming its pin.
 * </ul>
 */
final class TestResultDecoder {
  private static final int TEST_NUM = PTR.field("TEST_NUM");
  private static final int TEST_FLG = PTR.field("TEST_FLG");
  private static final int P_PARM_FLG = PTR.field("PARM_FLG");
  private static final int P_RESULT = PTR.field("RESULT");
  private static final int P_TEST_TXT = PTR.field("TEST_TXT");
  private static final int P_OPT_FLAG = PTR.field("OPT_FLAG");
  private static final int P_RES_SCAL = PTR.field("RES_SCAL");
  private static final int P_LO_LIMIT = PTR.field("LO_LIMIT");
  private static final int P_HI_LIMIT = PTR.field("HI_LIMIT");
  private static final int P_UNITS = PTR.field("UNITS");
  private static final int P_LO_SPEC = PTR.field("LO_SPEC");
  private static final int P_HI_SPEC = PTR.field("HI_SPEC");
  private static final int M_PARM_FLG = MPR.field("PARM_FLG");
  private static final int M_RTN_RSLT = MPR.field("RTN_RSLT");
  private static final int M_RTN_INDX = MPR.field("RTN_INDX");
  private static final int M_TEST_TXT = MPR.field("TEST_TXT");
  private static final int M_OPT_FLAG = MPR.field("OPT_FLAG");
  private static final int M_RES_SCAL = MPR.field("RES_SCAL");
  private static final int M_LO_LIMIT = MPR.field("LO_LIMIT");
  private static final int M_HI_LIMIT = MPR.field("HI_LIMIT");
  private static final int M_UNITS = MPR.field("UNITS");
  private static final int M_LO_SPEC = MPR.field("LO_SPEC");
  private static final int M_HI_SPEC = MPR.field("HI_SPEC");
  private static final int F_TEST_TXT = FTR.field("TEST_TXT");

  /** Where a record kind keeps the fields the limit rules read. */
  private record Layout(byte kind, int parmFlg, int text, int opt, int resScal, int lo, int hi,
      int units, int loSpec, int hiSpec) {}

  private static final Layout PTR_LAYOUT = new Layout((byte) 'P', P_PARM_FLG, P_TEST_TXT,
      P_OPT_FLAG, P_RES_SCAL, P_LO_LIMIT, P_HI_LIMIT, P_UNITS, P_LO_SPEC, P_HI_SPEC);
  private static final Layout MPR_LAYOUT = new Layout((byte) 'M', M_PARM_FLG, M_TEST_TXT,
      M_OPT_FLAG, M_RES_SCAL, M_LO_LIMIT, M_HI_LIMIT, M_UNITS, M_LO_SPEC, M_HI_SPEC);

  static {
    // PTR, MPR and FTR share the leading TEST_NUM, HEAD_NUM, SITE_NUM, TEST_FLG
    if (MPR.field("TEST_NUM") != TEST_NUM || FTR.field("TEST_NUM") != TEST_NUM
        || MPR.field("TEST_FLG") != TEST_FLG || FTR.field("TEST_FLG") != TEST_FLG) {
      throw new IllegalStateException("PTR/MPR/FTR leading fields differ");
    }
  }

  private final Path file;
  private final TestCatalog tests;
  // effective values of the record being decoded
  private double lo;
  private double hi;
  private double loSpec;
  private double hiSpec;
  private int resScal;

  TestResultDecoder(Path file, TestCatalog tests) {
    this.file = file;
    this.tests = tests;
  }

  /** Adds the rows of one PTR, MPR or FTR to {@code part}. */
  void decode(StdfRecord r, PartResults part) throws IngestException {
    long num = r.unsigned(TEST_NUM);
    if (num > Integer.MAX_VALUE) {
      throw IngestException.atOffset(file, r.offset(),
          r.type() + ".TEST_NUM", "test number " + num + " is beyond 2147483647");
    }
    int testFlg = (int) r.unsigned(TEST_FLG);
    byte passed = (testFlg & 0x40) != 0 ? (byte) 2 : (testFlg & 0x80) != 0 ? (byte) 0 : (byte) 1;
    switch (r.type()) {
      case PTR -> {
        TestCatalog.Test t = tests.lookup((byte) 'P', num, r, P_TEST_TXT);
        int parmFlg = (int) r.unsigned(P_PARM_FLG);
        limits(r, t, PTR_LAYOUT);
        boolean valid = (testFlg & 0x3F) == 0 && (parmFlg & 0x07) == 0 && r.has(P_RESULT);
        add(part, t, valid ? r.real(P_RESULT) : Double.NaN, testFlg, parmFlg, passed, -1);
      }
      case MPR -> {
        TestCatalog.Test t = tests.lookup((byte) 'M', num, r, M_TEST_TXT);
        boolean first = !t.hasDefaults;
        int parmFlg = (int) r.unsigned(M_PARM_FLG);
        limits(r, t, MPR_LAYOUT);
        int pinCount = r.count(M_RTN_INDX);
        if (first || pinCount > 0) {
          int[] pins = new int[pinCount];
          for (int i = 0; i < pinCount; i++) {
            pins[i] = r.unsignedAt(M_RTN_INDX, i);
          }
          if (first) {
            t.pins = pins;
          }
          addMpr(r, part, t, pins, testFlg, parmFlg, passed);
        } else {
          addMpr(r, part, t, t.pins, testFlg, parmFlg, passed);
        }
      }
      case FTR -> {
        TestCatalog.Test t = tests.lookup((byte) 'F', num, r, F_TEST_TXT);
        t.hasDefaults = true;
        lo = hi = loSpec = hiSpec = Double.NaN;
        resScal = NULL_INT;
        add(part, t, Double.NaN, testFlg, NULL_INT, passed, -1);
      }
      default -> throw new IllegalArgumentException("not a test result: " + r.type());
    }
  }

  private void addMpr(StdfRecord r, PartResults part, TestCatalog.Test t, int[] pins,
      int testFlg, int parmFlg, byte passed) {
    int results = r.count(M_RTN_RSLT);
    boolean valid = (testFlg & 0x3F) == 0 && (parmFlg & 0x07) == 0;
    if (results == 0) {
      add(part, t, Double.NaN, testFlg, parmFlg, passed, -1);
      return;
    }
    for (int i = 0; i < results; i++) {
      add(part, t, valid ? r.realAt(M_RTN_RSLT, i) : Double.NaN, testFlg, parmFlg, passed,
          i < pins.length ? pins[i] : -1);
    }
  }

  /** Sets the effective limits of a PTR or MPR, recording the test's defaults on its first. */
  private void limits(StdfRecord r, TestCatalog.Test t, Layout f) {
    boolean hasOpt = r.has(f.opt());
    int opt = (int) r.unsigned(f.opt());
    if (!t.hasDefaults) {
      t.hasDefaults = true;
      t.resScal = hasOpt && (opt & 0x01) == 0 && r.has(f.resScal()) ? r.signed(f.resScal()) : NULL_INT;
      t.lo = hasOpt && (opt & 0x50) == 0 ? limit(r.real(f.lo())) : Double.NaN;
      t.hi = hasOpt && (opt & 0xA0) == 0 ? limit(r.real(f.hi())) : Double.NaN;
      t.loSpec = hasOpt && (opt & 0x04) == 0 ? limit(r.real(f.loSpec())) : Double.NaN;
      t.hiSpec = hasOpt && (opt & 0x08) == 0 ? limit(r.real(f.hiSpec())) : Double.NaN;
      t.units = TestCatalog.bytesOf(r, f.units());
    }
    if (!hasOpt) {
      lo = t.lo;
      hi = t.hi;
      loSpec = t.loSpec;
      hiSpec = t.hiSpec;
      resScal = t.resScal;
      return;
    }
    lo = (opt & 0x40) != 0 ? Double.NaN
        : (opt & 0x10) != 0 || !r.has(f.lo()) ? t.lo : limit(r.real(f.lo()));
    hi = (opt & 0x80) != 0 ? Double.NaN
        : (opt & 0x20) != 0 || !r.has(f.hi()) ? t.hi : limit(r.real(f.hi()));
    resScal = (opt & 0x01) != 0 || !r.has(f.resScal()) ? t.resScal : r.signed(f.resScal());
    loSpec = (opt & 0x04) != 0 ? Double.NaN : r.has(f.loSpec()) ? limit(r.real(f.loSpec())) : t.loSpec;
    hiSpec = (opt & 0x08) != 0 ? Double.NaN : r.has(f.hiSpec()) ? limit(r.real(f.hiSpec())) : t.hiSpec;
  }

  private void add(PartResults part, TestCatalog.Test t, double value, int testFlg, int parmFlg,
      byte passed, int pin) {
    int i = part.add();
    part.test[i] = t.id;
    part.kind[i] = t.kind;
    part.value[i] = value;
    part.lo[i] = lo;
    part.hi[i] = hi;
    part.loSpec[i] = loSpec;
    part.hiSpec[i] = hiSpec;
    part.resScal[i] = resScal;
    part.testFlg[i] = testFlg;
    part.parmFlg[i] = parmFlg;
    part.passed[i] = passed;
    part.pin[i] = pin;
  }
}
