package dev.wafer.adapter.ingest.stdf;

import static dev.wafer.adapter.generate.TestResultsSchema.DEVICE_ID;
import static dev.wafer.adapter.generate.TestResultsSchema.DIE_X;
import static dev.wafer.adapter.generate.TestResultsSchema.DIE_Y;
import static dev.wafer.adapter.generate.TestResultsSchema.HARD_BIN;
import static dev.wafer.adapter.generate.TestResultsSchema.HI_LIMIT;
import static dev.wafer.adapter.generate.TestResultsSchema.LOT_ID;
import static dev.wafer.adapter.generate.TestResultsSchema.LO_LIMIT;
import static dev.wafer.adapter.generate.TestResultsSchema.PASSED;
import static dev.wafer.adapter.generate.TestResultsSchema.SITE;
import static dev.wafer.adapter.generate.TestResultsSchema.SOFT_BIN;
import static dev.wafer.adapter.generate.TestResultsSchema.TESTER_ID;
import static dev.wafer.adapter.generate.TestResultsSchema.TEST_DATE;
import static dev.wafer.adapter.generate.TestResultsSchema.TEST_NAME;
import static dev.wafer.adapter.generate.TestResultsSchema.TEST_NUM;
import static dev.wafer.adapter.generate.TestResultsSchema.TEST_TIME_MS;
import static dev.wafer.adapter.generate.TestResultsSchema.TEST_VALUE;
import static dev.wafer.adapter.generate.TestResultsSchema.TS;
import static dev.wafer.adapter.generate.TestResultsSchema.UNITS;
import static dev.wafer.adapter.generate.TestResultsSchema.WAFER_ID;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Schemas of the tables STDF ingest writes. {@code test_results} has the columns of the
 * generated table (same names and types, but nullable and with plain UTF-8 strings) followed by
 * STDF's own; {@code stdf_parts} has a row per PRR, {@code stdf_bins} a row per HBR/SBR.
 */
public final class StdfSchemas {
  public static final String PARTS_TABLE = "stdf_parts";
  public static final String BINS_TABLE = "stdf_bins";

  public static final String HEAD = "head";
  public static final String PART_ID = "part_id";
  public static final String INSERTION = "insertion";
  public static final String TEST_TYPE = "test_type";
  public static final String PIN = "pin";
  public static final String TEST_FLG = "test_flg";
  public static final String PARM_FLG = "parm_flg";
  public static final String LO_SPEC = "lo_spec";
  public static final String HI_SPEC = "hi_spec";
  public static final String RES_SCAL = "res_scal";
  public static final String PROGRAM = "program";
  public static final String TEST_STEP = "test_step";
  public static final String TESTER_TYPE = "tester_type";
  public static final String START_T = "start_t";
  public static final String SOURCE_FILE = "source_file";
  public static final String PART_FLG = "part_flg";
  public static final String NUM_TEST = "num_test";
  public static final String PART_TXT = "part_txt";
  public static final String BIN_TYPE = "bin_type";
  public static final String BIN_NUM = "bin_num";
  public static final String BIN_COUNT = "bin_count";
  public static final String BIN_PF = "bin_pf";
  public static final String BIN_NAME = "bin_name";

  private static final ArrowType INT = new ArrowType.Int(32, true);
  private static final ArrowType BIGINT = new ArrowType.Int(64, true);
  private static final ArrowType DOUBLE = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
  private static final ArrowType TEXT = ArrowType.Utf8.INSTANCE;
  private static final ArrowType TIMESTAMP = new ArrowType.Timestamp(TimeUnit.MILLISECOND, null);
  private static final ArrowType DATE = new ArrowType.Date(DateUnit.DAY);

  /** Table {@code test_results} from STDF: one row per PTR, per MPR pin, per FTR. */
  public static final Schema TEST_RESULTS = schema(
      LOT_ID, TEXT, WAFER_ID, TEXT, DEVICE_ID, TEXT, DIE_X, INT, DIE_Y, INT, TESTER_ID, TEXT,
      SITE, INT, TEST_NUM, INT, TEST_NAME, TEXT, TEST_VALUE, DOUBLE, LO_LIMIT, DOUBLE,
      HI_LIMIT, DOUBLE, UNITS, TEXT, PASSED, ArrowType.Bool.INSTANCE, HARD_BIN, INT,
      SOFT_BIN, INT, TEST_TIME_MS, DOUBLE, TS, TIMESTAMP, TEST_DATE, DATE,
      HEAD, INT, PART_ID, TEXT, INSERTION, INT, TEST_TYPE, TEXT, PIN, TEXT, TEST_FLG, INT,
      PARM_FLG, INT, LO_SPEC, DOUBLE, HI_SPEC, DOUBLE, RES_SCAL, INT, PROGRAM, TEXT,
      TEST_STEP, TEXT, TESTER_TYPE, TEXT, START_T, TIMESTAMP);

  /** Table {@code stdf_parts}: one row per PRR. */
  public static final Schema PARTS = schema(
      SOURCE_FILE, TEXT, LOT_ID, TEXT, WAFER_ID, TEXT, DEVICE_ID, TEXT, PART_ID, TEXT,
      HEAD, INT, SITE, INT, DIE_X, INT, DIE_Y, INT, HARD_BIN, INT, SOFT_BIN, INT,
      PASSED, ArrowType.Bool.INSTANCE, PART_FLG, INT, INSERTION, INT, NUM_TEST, INT,
      TEST_TIME_MS, DOUBLE, PART_TXT, TEXT, TESTER_ID, TEXT, TESTER_TYPE, TEXT, PROGRAM, TEXT,
      TEST_STEP, TEXT, START_T, TIMESTAMP, TS, TIMESTAMP, TEST_DATE, DATE);

  /** Table {@code stdf_bins}: one row per HBR and SBR. */
  public static final Schema BINS = schema(
      SOURCE_FILE, TEXT, LOT_ID, TEXT, PROGRAM, TEXT, TEST_STEP, TEXT, BIN_TYPE, TEXT,
      HEAD, INT, SITE, INT, BIN_NUM, INT, BIN_COUNT, BIGINT, BIN_PF, TEXT, BIN_NAME, TEXT);

  private StdfSchemas() {}

  private static Schema schema(Object... nameType) {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < nameType.length; i += 2) {
      fields.add(new Field((String) nameType[i], FieldType.nullable((ArrowType) nameType[i + 1]), null));
    }
    return new Schema(fields);
  }
}
