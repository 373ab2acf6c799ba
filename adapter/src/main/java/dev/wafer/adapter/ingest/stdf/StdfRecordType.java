package dev.wafer.adapter.ingest.stdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The STDF V4 records Wafer decodes, keyed by (REC_TYP, REC_SUB), each with its field layout
 * written out as in the specification. This table is the whole decoder's knowledge of the
 * format: {@link StdfRecord} walks a layout to find every field. Records not listed here (GDR,
 * DTR, PMR groups, V4-2007 additions, vendor records) are skipped by their header length.
 * Array fields name the earlier field holding their count, e.g. {@code SITE_NUM:KU1(SITE_CNT)}.
 */
public enum StdfRecordType {
  FAR(0, 10, "CPU_TYPE:U1 STDF_VER:U1"),
  ATR(0, 20, "MOD_TIM:U4 CMD_LINE:CN"),
  MIR(1, 10, "SETUP_T:U4 START_T:U4 STAT_NUM:U1 MODE_COD:C1 RTST_COD:C1 PROT_COD:C1 BURN_TIM:U2"
      + " CMOD_COD:C1 LOT_ID:CN PART_TYP:CN NODE_NAM:CN TSTR_TYP:CN JOB_NAM:CN JOB_REV:CN"
      + " SBLOT_ID:CN OPER_NAM:CN EXEC_TYP:CN EXEC_VER:CN TEST_COD:CN TST_TEMP:CN USER_TXT:CN"
      + " AUX_FILE:CN PKG_TYP:CN FAMLY_ID:CN DATE_COD:CN FACIL_ID:CN FLOOR_ID:CN PROC_ID:CN"
      + " OPER_FRQ:CN SPEC_NAM:CN SPEC_VER:CN FLOW_ID:CN SETUP_ID:CN DSGN_REV:CN ENG_ID:CN"
      + " ROM_COD:CN SERL_NUM:CN SUPR_NAM:CN"),
  MRR(1, 20, "FINISH_T:U4 DISP_COD:C1 USR_DESC:CN EXC_DESC:CN"),
  PCR(1, 30, "HEAD_NUM:U1 SITE_NUM:U1 PART_CNT:U4 RTST_CNT:U4 ABRT_CNT:U4 GOOD_CNT:U4 FUNC_CNT:U4"),
  HBR(1, 40, "HEAD_NUM:U1 SITE_NUM:U1 HBIN_NUM:U2 HBIN_CNT:U4 HBIN_PF:C1 HBIN_NAM:CN"),
  SBR(1, 50, "HEAD_NUM:U1 SITE_NUM:U1 SBIN_NUM:U2 SBIN_CNT:U4 SBIN_PF:C1 SBIN_NAM:CN"),
  PMR(1, 60, "PMR_INDX:U2 CHAN_TYP:U2 CHAN_NAM:CN PHY_NAM:CN LOG_NAM:CN HEAD_NUM:U1 SITE_NUM:U1"),
  SDR(1, 80, "HEAD_NUM:U1 SITE_GRP:U1 SITE_CNT:U1 SITE_NUM:KU1(SITE_CNT) HAND_TYP:CN HAND_ID:CN"
      + " CARD_TYP:CN CARD_ID:CN LOAD_TYP:CN LOAD_ID:CN DIB_TYP:CN DIB_ID:CN CABL_TYP:CN"
      + " CABL_ID:CN CONT_TYP:CN CONT_ID:CN LASR_TYP:CN LASR_ID:CN EXTR_TYP:CN EXTR_ID:CN"),
  WIR(2, 10, "HEAD_NUM:U1 SITE_GRP:U1 START_T:U4 WAFER_ID:CN"),
  WRR(2, 20, "HEAD_NUM:U1 SITE_GRP:U1 FINISH_T:U4 PART_CNT:U4 RTST_CNT:U4 ABRT_CNT:U4"
      + " GOOD_CNT:U4 FUNC_CNT:U4 WAFER_ID:CN FABWF_ID:CN FRAME_ID:CN MASK_ID:CN USR_DESC:CN"
      + " EXC_DESC:CN"),
  WCR(2, 30, "WAFR_SIZ:R4 DIE_HT:R4 DIE_WID:R4 WF_UNITS:U1 WF_FLAT:C1 CENTER_X:I2 CENTER_Y:I2"
      + " POS_X:C1 POS_Y:C1"),
  PIR(5, 10, "HEAD_NUM:U1 SITE_NUM:U1"),
  PRR(5, 20, "HEAD_NUM:U1 SITE_NUM:U1 PART_FLG:B1 NUM_TEST:U2 HARD_BIN:U2 SOFT_BIN:U2"
      + " X_COORD:I2 Y_COORD:I2 TEST_T:U4 PART_ID:CN PART_TXT:CN PART_FIX:BN"),
  TSR(10, 30, "HEAD_NUM:U1 SITE_NUM:U1 TEST_TYP:C1 TEST_NUM:U4 EXEC_CNT:U4 FAIL_CNT:U4"
      + " ALRM_CNT:U4 TEST_NAM:CN SEQ_NAME:CN TEST_LBL:CN OPT_FLAG:B1 TEST_TIM:R4 TEST_MIN:R4"
      + " TEST_MAX:R4 TST_SUMS:R4 TST_SQRS:R4"),
  PTR(15, 10, "TEST_NUM:U4 HEAD_NUM:U1 SITE_NUM:U1 TEST_FLG:B1 PARM_FLG:B1 RESULT:R4"
      + " TEST_TXT:CN ALARM_ID:CN OPT_FLAG:B1 RES_SCAL:I1 LLM_SCAL:I1 HLM_SCAL:I1 LO_LIMIT:R4"
      + " HI_LIMIT:R4 UNITS:CN C_RESFMT:CN C_LLMFMT:CN C_HLMFMT:CN LO_SPEC:R4 HI_SPEC:R4"),
  MPR(15, 15, "TEST_NUM:U4 HEAD_NUM:U1 SITE_NUM:U1 TEST_FLG:B1 PARM_FLG:B1 RTN_ICNT:U2"
      + " RSLT_CNT:U2 RTN_STAT:KN1(RTN_ICNT) RTN_RSLT:KR4(RSLT_CNT) TEST_TXT:CN ALARM_ID:CN"
      + " OPT_FLAG:B1 RES_SCAL:I1 LLM_SCAL:I1 HLM_SCAL:I1 LO_LIMIT:R4 HI_LIMIT:R4 START_IN:R4"
      + " INCR_IN:R4 RTN_INDX:KU2(RTN_ICNT) UNITS:CN UNITS_IN:CN C_RESFMT:CN C_LLMFMT:CN"
      + " C_HLMFMT:CN LO_SPEC:R4 HI_SPEC:R4"),
  FTR(15, 20, "TEST_NUM:U4 HEAD_NUM:U1 SITE_NUM:U1 TEST_FLG:B1 OPT_FLAG:B1 CYCL_CNT:U4"
      + " REL_VADR:U4 REPT_CNT:U4 NUM_FAIL:U4 XFAIL_AD:I4 YFAIL_AD:I4 VECT_OFF:I2 RTN_ICNT:U2"
      + " PGM_ICNT:U2 RTN_INDX:KU2(RTN_ICNT) RTN_STAT:KN1(RTN_ICNT) PGM_INDX:KU2(PGM_ICNT)"
      + " PGM_STAT:KN1(PGM_ICNT) FAIL_PIN:DN VECT_NAM:CN TIME_SET:CN OP_CODE:CN TEST_TXT:CN"
      + " ALARM_ID:CN PROG_TXT:CN RSLT_TXT:CN PATG_NUM:U1 SPIN_MAP:DN"),
  BPS(20, 10, "SEQ_NAME:CN"),
  EPS(20, 20, "");

  private static final Map<Integer, StdfRecordType> BY_CODE = new HashMap<>();

  static {
    for (StdfRecordType t : values()) {
      BY_CODE.put(code(t.recTyp, t.recSub), t);
    }
  }

  final int recTyp;
  final int recSub;
  final String[] names;
  final StdfFieldType[] types;
  /** For an array field, the index of its count field; -1 otherwise. */
  final int[] countField;

  StdfRecordType(int recTyp, int recSub, String layout) {
    this.recTyp = recTyp;
    this.recSub = recSub;
    List<String> ns = new ArrayList<>();
    List<StdfFieldType> ts = new ArrayList<>();
    List<Integer> cs = new ArrayList<>();
    for (String f : layout.isBlank() ? new String[0] : layout.trim().split("\\s+")) {
      int colon = f.indexOf(':');
      String type = f.substring(colon + 1);
      int paren = type.indexOf('(');
      int count = -1;
      if (paren >= 0) {
        count = ns.indexOf(type.substring(paren + 1, type.length() - 1));
        if (count < 0) {
          throw new IllegalStateException(name() + ": unknown count field in " + f);
        }
        type = type.substring(0, paren);
      }
      ns.add(f.substring(0, colon));
      ts.add(StdfFieldType.parse(type));
      cs.add(count);
    }
    this.names = ns.toArray(new String[0]);
    this.types = ts.toArray(new StdfFieldType[0]);
    this.countField = cs.stream().mapToInt(Integer::intValue).toArray();
  }

  static int code(int recTyp, int recSub) {
    return (recTyp << 8) | recSub;
  }

  /** The record type of a header, or null when Wafer does not decode it. */
  public static StdfRecordType of(int recTyp, int recSub) {
    return BY_CODE.get(code(recTyp, recSub));
  }

  public int recTyp() {
    return recTyp;
  }

  public int recSub() {
    return recSub;
  }

  /** Index of a field in this record's layout (looked up once, into a constant). */
  public int field(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(name() + " has no field " + name);
  }

  int fieldCount() {
    return names.length;
  }
}
