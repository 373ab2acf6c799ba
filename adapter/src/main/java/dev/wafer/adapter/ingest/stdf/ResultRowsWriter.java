package dev.wafer.adapter.ingest.stdf;

import static dev.wafer.adapter.ingest.stdf.TestCatalog.NULL_INT;

import dev.wafer.adapter.generate.TestResultsSchema;
import dev.wafer.adapter.ingest.Cells;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Appends the result rows of finished parts to a {@link StdfSchemas#TEST_RESULTS} batch: the
 * per-result columns from {@link PartResults}, the per-part ones from the PRR, the per-file ones
 * from the MIR. Strings shared by the rows of a part are encoded once per part.
 */
final class ResultRowsWriter implements StdfConverter.RowSink {
  private static final byte[][] TYPE = new byte[128][];

  static {
    TYPE['P'] = "P".getBytes(StandardCharsets.US_ASCII);
    TYPE['M'] = "M".getBytes(StandardCharsets.US_ASCII);
    TYPE['F'] = "F".getBytes(StandardCharsets.US_ASCII);
  }

  private final VectorSchemaRoot root;
  private final VarCharVector lot;
  private final VarCharVector wafer;
  private final VarCharVector device;
  private final IntVector dieX;
  private final IntVector dieY;
  private final VarCharVector tester;
  private final IntVector site;
  private final IntVector testNum;
  private final VarCharVector testName;
  private final Float8Vector value;
  private final Float8Vector lo;
  private final Float8Vector hi;
  private final VarCharVector units;
  private final BitVector passed;
  private final IntVector hardBin;
  private final IntVector softBin;
  private final Float8Vector testTime;
  private final TimeStampMilliVector ts;
  private final DateDayVector testDate;
  private final IntVector head;
  private final VarCharVector partId;
  private final IntVector insertion;
  private final VarCharVector testType;
  private final VarCharVector pin;
  private final IntVector testFlg;
  private final IntVector parmFlg;
  private final Float8Vector loSpec;
  private final Float8Vector hiSpec;
  private final IntVector resScal;
  private final VarCharVector program;
  private final VarCharVector testStep;
  private final VarCharVector testerType;
  private final TimeStampMilliVector startT;
  private StdfRun encodedRun;
  private byte[][] runBytes;
  private int rows;

  ResultRowsWriter(VectorSchemaRoot root) {
    this.root = root;
    lot = (VarCharVector) root.getVector(TestResultsSchema.LOT_ID);
    wafer = (VarCharVector) root.getVector(TestResultsSchema.WAFER_ID);
    device = (VarCharVector) root.getVector(TestResultsSchema.DEVICE_ID);
    dieX = (IntVector) root.getVector(TestResultsSchema.DIE_X);
    dieY = (IntVector) root.getVector(TestResultsSchema.DIE_Y);
    tester = (VarCharVector) root.getVector(TestResultsSchema.TESTER_ID);
    site = (IntVector) root.getVector(TestResultsSchema.SITE);
    testNum = (IntVector) root.getVector(TestResultsSchema.TEST_NUM);
    testName = (VarCharVector) root.getVector(TestResultsSchema.TEST_NAME);
    value = (Float8Vector) root.getVector(TestResultsSchema.TEST_VALUE);
    lo = (Float8Vector) root.getVector(TestResultsSchema.LO_LIMIT);
    hi = (Float8Vector) root.getVector(TestResultsSchema.HI_LIMIT);
    units = (VarCharVector) root.getVector(TestResultsSchema.UNITS);
    passed = (BitVector) root.getVector(TestResultsSchema.PASSED);
    hardBin = (IntVector) root.getVector(TestResultsSchema.HARD_BIN);
    softBin = (IntVector) root.getVector(TestResultsSchema.SOFT_BIN);
    testTime = (Float8Vector) root.getVector(TestResultsSchema.TEST_TIME_MS);
    ts = (TimeStampMilliVector) root.getVector(TestResultsSchema.TS);
    testDate = (DateDayVector) root.getVector(TestResultsSchema.TEST_DATE);
    head = (IntVector) root.getVector(StdfSchemas.HEAD);
    partId = (VarCharVector) root.getVector(StdfSchemas.PART_ID);
    insertion = (IntVector) root.getVector(StdfSchemas.INSERTION);
    testType = (VarCharVector) root.getVector(StdfSchemas.TEST_TYPE);
    pin = (VarCharVector) root.getVector(StdfSchemas.PIN);
    testFlg = (IntVector) root.getVector(StdfSchemas.TEST_FLG);
    parmFlg = (IntVector) root.getVector(StdfSchemas.PARM_FLG);
    loSpec = (Float8Vector) root.getVector(StdfSchemas.LO_SPEC);
    hiSpec = (Float8Vector) root.getVector(StdfSchemas.HI_SPEC);
    resScal = (IntVector) root.getVector(StdfSchemas.RES_SCAL);
    program = (VarCharVector) root.getVector(StdfSchemas.PROGRAM);
    testStep = (VarCharVector) root.getVector(StdfSchemas.TEST_STEP);
    testerType = (VarCharVector) root.getVector(StdfSchemas.TESTER_TYPE);
    startT = (TimeStampMilliVector) root.getVector(StdfSchemas.START_T);
  }

  /** Rows appended since the last {@link #reset()}. */
  int rows() {
    return rows;
  }

  /** Starts a new batch: empties the vectors and allocates them afresh. */
  void reset() {
    root.clear();
    root.allocateNew();
    rows = 0;
  }

  /** Ends the batch: sets the row count of every vector. */
  void finish() {
    root.setRowCount(rows);
  }

  @Override
  public void part(PartResults r, StdfPart part, StdfRun run, TestCatalog tests, PinNames pins) {
    if (r.size == 0) {
      return;
    }
    if (run != encodedRun) {
      runBytes = new byte[][] {utf8(run.lotId()), utf8(run.testerId()), utf8(run.program()),
          utf8(run.testStep()), utf8(run.testerType())};
      encodedRun = run;
    }
    byte[] waferBytes = part.waferId() == null ? null : utf8(part.waferId());
    byte[] deviceBytes = utf8(part.deviceId());
    byte[] partBytes = utf8(part.partId());
    int x = part.dieX() == null ? NULL_INT : part.dieX();
    int y = part.dieY() == null ? NULL_INT : part.dieY();
    int soft = part.softBin() == null ? NULL_INT : part.softBin();
    double time = part.testTimeMs() == null ? Double.NaN : part.testTimeMs();
    for (int i = 0; i < r.size; i++) {
      int row = rows++;
      TestCatalog.Test t = tests.get(r.test[i]);
      Cells.bytes(lot, row, runBytes[0]);
      Cells.bytes(wafer, row, waferBytes);
      Cells.bytes(device, row, deviceBytes);
      Cells.integer(dieX, row, x);
      Cells.integer(dieY, row, y);
      Cells.bytes(tester, row, runBytes[1]);
      site.setSafe(row, part.site());
      testNum.setSafe(row, (int) t.num);
      Cells.bytes(testName, row, t.name);
      Cells.real(value, row, r.value[i]);
      Cells.real(lo, row, r.lo[i]);
      Cells.real(hi, row, r.hi[i]);
      Cells.bytes(units, row, t.kind == 'F' ? null : t.units);
      if (r.passed[i] == 2) {
        passed.setNull(row);
      } else {
        passed.setSafe(row, r.passed[i]);
      }
      hardBin.setSafe(row, part.hardBin());
      Cells.integer(softBin, row, soft);
      Cells.real(testTime, row, time);
      Cells.seconds(ts, row, part.timeS());
      Cells.dateOfSeconds(testDate, row, part.timeS());
      head.setSafe(row, part.head());
      Cells.bytes(partId, row, partBytes);
      insertion.setSafe(row, part.insertion());
      testType.setSafe(row, TYPE[r.kind[i]]);
      Cells.bytes(pin, row, r.pin[i] < 0 ? null : pins.name(r.pin[i]));
      testFlg.setSafe(row, r.testFlg[i]);
      Cells.integer(parmFlg, row, r.parmFlg[i]);
      Cells.real(loSpec, row, r.loSpec[i]);
      Cells.real(hiSpec, row, r.hiSpec[i]);
      Cells.integer(resScal, row, r.resScal[i]);
      Cells.bytes(program, row, runBytes[2]);
      Cells.bytes(testStep, row, runBytes[3]);
      Cells.bytes(testerType, row, runBytes[4]);
      Cells.seconds(startT, row, run.startT());
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
