package dev.wafer.adapter.ingest.stdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wafer.adapter.dataset.ReadBack;
import dev.wafer.adapter.ingest.IngestException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decoding rules on small files built byte by byte, in both byte orders. */
class StdfDecoderRulesTest {
  private static final float INF = Float.POSITIVE_INFINITY;
  @TempDir Path dir;
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void noLeaks() {
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  private List<Map<String, Object>> rows(byte[] stdf) throws IOException {
    Path f = Files.write(dir.resolve("t" + System.nanoTime() + ".stdf"), stdf);
    try (StdfResultsSource s = new StdfResultsSource(f, allocator, 4, -1)) {
      return ReadBack.rows(s);
    }
  }

  private static StdfBytes lot(ByteOrder order) {
    return new StdfBytes(order).mir("LOT1", "tester7", 1_700_000_000L).wir(1, 1_700_000_100L, "W01");
  }

  @Test
  void bothByteOrdersGiveTheSameRows() throws IOException {
    List<Map<String, Object>> big = rows(onePart(ByteOrder.BIG_ENDIAN));
    List<Map<String, Object>> little = rows(onePart(ByteOrder.LITTLE_ENDIAN));
    assertThat(big).hasSize(3).isEqualTo(little);
    Map<String, Object> r = big.get(0);
    assertThat(r).containsEntry("lot_id", "LOT1").containsEntry("wafer_id", "W01")
        .containsEntry("tester_id", "tester7").containsEntry("die_x", 3).containsEntry("die_y", -2)
        .containsEntry("device_id", "W01:3:-2").containsEntry("hard_bin", 1)
        .containsEntry("soft_bin", 11).containsEntry("test_time_ms", 250.0)
        .containsEntry("part_id", "P1").containsEntry("insertion", 1)
        .containsEntry("program", "PROG").containsEntry("test_step", "WS1")
        .containsEntry("tester_type", "TTYPE").containsEntry("test_type", "P");
    // local seconds since 1970, shown as they are (no zone applied)
    assertThat(r.get("ts")).isEqualTo(java.time.LocalDateTime.of(2023, 11, 14, 22, 15, 0));
    assertThat(r.get("start_t")).isEqualTo(java.time.LocalDateTime.of(2023, 11, 14, 22, 13, 20));
  }

  private static byte[] onePart(ByteOrder order) {
    return lot(order).pir(1, 0)
        .ptr(100, 1, 0, 0, 0, 1.25f, "Vdd", 0x0E, -3, -0.9f, 1.5f, "V", 0, 0)
        .shortPtr(100, 1, 0, 0, 1.5f, "")
        .shortPtr(100, 1, 0, 0, 2.0f, "Vdd")
        .prr(1, 0, 0, 1, 11, 3, -2, 250, "P1").mrr().bytes();
  }

  @Test
  void theFirstPtrOfATestSetsLimitsAndUnitsThatLaterPtrsOmit() throws IOException {
    List<Map<String, Object>> r = rows(onePart(ByteOrder.BIG_ENDIAN));
    for (Map<String, Object> row : r) {
      assertThat(row).containsEntry("test_num", 100).containsEntry("test_name", "Vdd")
          .containsEntry("units", "V").containsEntry("res_scal", -3)
          // float32 widened exactly, never through decimal text
          .containsEntry("lo_limit", (double) -0.9f).containsEntry("hi_limit", 1.5)
          // OPT_FLAG 0x0E: no spec limits
          .containsEntry("lo_spec", null).containsEntry("hi_spec", null);
    }
    assertThat((double) -0.9f).isEqualTo(-0.8999999761581421);
    assertThat(r).extracting(m -> m.get("test_value")).containsExactly(1.25, 1.5, 2.0);
  }

  @Test
  void optFlagBitsAndInfiniteLimitsGiveNullLimits() throws IOException {
    byte[] f = lot(ByteOrder.LITTLE_ENDIAN).pir(1, 0)
        .ptr(1, 1, 0, 0, 0, 1f, "a", 0x40, 0, -1f, 1f, "A", 0, 0)   // no low limit
        .ptr(2, 1, 0, 0, 0, 1f, "b", 0x80, 0, -1f, 1f, "A", 0, 0)   // no high limit
        .ptr(3, 1, 0, 0, 0, 1f, "c", 0x00, 0, -INF, INF, "A", -2f, 2f) // infinite limits
        .ptr(4, 1, 0, 0, 0, 1f, "d", 0x00, 0, -5f, 5f, "A", 0, 0)
        .ptr(4, 1, 0, 0, 0, 1f, "d", 0x30, 0, -7f, 7f, "A", 0, 0)   // bits 4/5: use defaults
        .ptr(4, 1, 0, 0, 0, 1f, "d", 0x00, 0, -7f, 7f, "A", 0, 0)   // own limits
        .ptr(4, 1, 0, 0, 0, 1f, "d", 0xC0, 0, -7f, 7f, "A", 0, 0)   // no limits this time
        .prr(1, 0, 0, 1, 1, 0, 0, 0, "").mrr().bytes();
    List<Map<String, Object>> r = rows(f);
    assertThat(r).extracting(m -> m.get("lo_limit"), m -> m.get("hi_limit")).containsExactly(
        org.assertj.core.groups.Tuple.tuple(null, 1.0),
        org.assertj.core.groups.Tuple.tuple(-1.0, null),
        org.assertj.core.groups.Tuple.tuple(null, null),
        org.assertj.core.groups.Tuple.tuple(-5.0, 5.0),
        org.assertj.core.groups.Tuple.tuple(-5.0, 5.0),
        org.assertj.core.groups.Tuple.tuple(-7.0, 7.0),
        org.assertj.core.groups.Tuple.tuple(null, null));
    assertThat(r.get(2)).containsEntry("lo_spec", -2.0).containsEntry("hi_spec", 2.0);
    // TEST_TIME 0 is "not given"
    assertThat(r.get(0)).containsEntry("test_time_ms", null);
  }

  @Test
  void aResultIsAValueOnlyWithClearTestAndParmFlags() throws IOException {
    byte[] f = lot(ByteOrder.BIG_ENDIAN).pir(1, 0)
        .ptr(1, 1, 0, 0x00, 0x00, 1f, "ok", 0, 0, 0, 2, "", 0, 0)
        .ptr(1, 1, 0, 0x02, 0x00, 1f, "ok", 0, 0, 0, 2, "", 0, 0)  // RESULT invalid
        .ptr(1, 1, 0, 0x20, 0x00, 1f, "ok", 0, 0, 0, 2, "", 0, 0)  // aborted
        .ptr(1, 1, 0, 0x00, 0x04, 1f, "ok", 0, 0, 0, 2, "", 0, 0)  // oscillation
        .ptr(1, 1, 0, 0x00, 0x08, 1f, "ok", 0, 0, 0, 2, "", 0, 0)  // parm bit 3: still valid
        .ptr(1, 1, 0, 0x80, 0x00, 3f, "ok", 0, 0, 0, 2, "", 0, 0)  // failed
        .ptr(1, 1, 0, 0x40, 0x00, 1f, "ok", 0, 0, 0, 2, "", 0, 0)  // pass/fail unknown
        .prr(1, 0, 0, 1, 1, 0, 0, 0, "").mrr().bytes();
    List<Map<String, Object>> r = rows(f);
    assertThat(r).extracting(m -> m.get("test_value"))
        .containsExactly(1.0, null, null, null, 1.0, 3.0, 1.0);
    assertThat(r).extracting(m -> m.get("passed"))
        .containsExactly(true, true, true, true, true, false, null);
    assertThat(r).extracting(m -> m.get("test_flg")).containsExactly(0, 2, 32, 0, 0, 128, 64);
    assertThat(r).extracting(m -> m.get("parm_flg")).containsExactly(0, 0, 0, 4, 8, 0, 0);
  }

  @Test
  void testsAreKeyedByNumberAndText() throws IOException {
    byte[] f = lot(ByteOrder.BIG_ENDIAN).pir(1, 0)
        .ptr(7, 1, 0, 0, 0, 1f, "A", 0, 0, 0, 1, "V", 0, 0)
        .ptr(7, 1, 0, 0, 0, 1f, "B", 0, 0, 10, 11, "mA", 0, 0)
        .shortPtr(7, 1, 0, 0, 2f, "A")
        .shortPtr(7, 1, 0, 0, 3f, "")  // no text: the test last seen with number 7 (A)
        .shortPtr(7, 1, 0, 0, 4f, "B")
        .prr(1, 0, 0, 1, 1, 0, 0, 0, "").mrr().bytes();
    List<Map<String, Object>> r = rows(f);
    assertThat(r).extracting(m -> m.get("test_name"), m -> m.get("units"), m -> m.get("hi_limit"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("A", "V", 1.0),
            org.assertj.core.groups.Tuple.tuple("B", "mA", 11.0),
            org.assertj.core.groups.Tuple.tuple("A", "V", 1.0),
            org.assertj.core.groups.Tuple.tuple("A", "V", 1.0),
            org.assertj.core.groups.Tuple.tuple("B", "mA", 11.0));
  }

  @Test
  void anMprGivesOneRowPerPinAndLaterMprsReuseTheFirstPinList() throws IOException {
    StdfBytes b = lot(ByteOrder.LITTLE_ENDIAN);
    b.begin(1, 60).u2(5).u2(0).cn("ch5").cn("").cn("DQ0").u1(1).u1(0).end();
    b.begin(1, 60).u2(6).u2(0).cn("ch6").cn("").cn("").u1(1).u1(0).end();
    b.pir(1, 0);
    mpr(b, new float[] {0.5f, 0.25f, 0.125f}, new int[] {5, 6, 9}, "leak");
    mpr(b, new float[] {1f, 2f, 3f}, new int[0], "");
    b.begin(15, 20).u4(900).u1(1).u1(0).u1(0x80).end(); // FTR, failed, everything else omitted
    b.prr(1, 0, 8, 5, 5, 1, 1, 10, "").mrr();
    List<Map<String, Object>> r = rows(b.bytes());
    assertThat(r).hasSize(7);
    assertThat(r.subList(0, 6)).extracting(m -> m.get("pin"))
        .containsExactly("DQ0", "ch6", "9", "DQ0", "ch6", "9");
    assertThat(r.subList(0, 6)).extracting(m -> m.get("test_value"))
        .containsExactly(0.5, 0.25, 0.125, 1.0, 2.0, 3.0);
    assertThat(r.subList(0, 6)).allSatisfy(m -> assertThat(m).containsEntry("test_type", "M")
        .containsEntry("test_name", "leak").containsEntry("units", "uA").containsEntry("hi_limit", 1.0));
    assertThat(r.get(6)).containsEntry("test_type", "F").containsEntry("test_num", 900)
        .containsEntry("test_value", null).containsEntry("passed", false)
        .containsEntry("units", null).containsEntry("parm_flg", null);
  }

  private static void mpr(StdfBytes b, float[] results, int[] pins, String txt) {
    b.begin(15, 15).u4(300).u1(1).u1(0).u1(0).u1(0).u2(pins.length).u2(results.length);
    for (int i = 0; i < (pins.length + 1) / 2; i++) {
      b.u1(0);
    }
    for (float v : results) {
      b.r4(v);
    }
    b.cn(txt).cn("").u1(0).u1(0).u1(0).u1(0).r4(0f).r4(1f).r4(0f).r4(0f);
    for (int p : pins) {
      b.u2(p);
    }
    b.cn("uA").end();
  }

  @Test
  void aRetestedDieCountsItsInsertions() throws IOException {
    byte[] f = lot(ByteOrder.BIG_ENDIAN)
        .pir(1, 0).shortPtr(1, 1, 0, 0, 1f, "t").prr(1, 0, 8, 2, 2, 4, 4, 0, "a")
        .pir(1, 1).shortPtr(1, 1, 1, 0, 1f, "t").prr(1, 1, 0, 1, 1, 5, 4, 0, "b")
        .pir(1, 0).shortPtr(1, 1, 0, 0, 1f, "t").prr(1, 0, 2, 1, 1, 4, 4, 0, "c")
        .mrr().bytes();
    assertThat(rows(f)).extracting(m -> m.get("device_id"), m -> m.get("insertion"), m -> m.get("site"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("W01:4:4", 1, 0),
            org.assertj.core.groups.Tuple.tuple("W01:5:4", 1, 1),
            org.assertj.core.groups.Tuple.tuple("W01:4:4", 2, 0));
  }

  @Test
  void unknownRecordsAreSkippedByLength() throws IOException {
    StdfBytes b = lot(ByteOrder.BIG_ENDIAN);
    b.begin(180, 7).raw(new byte[300]).end();   // vendor record
    b.begin(50, 10).raw((byte) 1, (byte) 0).end(); // GDR
    b.pir(1, 0).shortPtr(1, 1, 0, 0, 1f, "t").prr(1, 0, 0, 1, 1, 0, 0, 0, "").mrr();
    assertThat(rows(b.bytes())).hasSize(1);
  }

  @Test
  void aTruncatedRecordNamesTheFileOffsetAndRecordType() throws IOException {
    byte[] full = onePart(ByteOrder.BIG_ENDIAN);
    int prrAt = indexOfRecord(full, 5, 20);
    byte[] cut = java.util.Arrays.copyOf(full, prrAt + 9);
    Path f = Files.write(dir.resolve("cut.stdf"), cut);
    assertThatThrownBy(() -> StdfFiles.scan(f)).isInstanceOf(IngestException.class)
        .hasMessageContaining("cut.stdf").hasMessageContaining("at byte " + prrAt)
        .hasMessageContaining("PRR").hasMessageContaining("truncated record")
        .satisfies(e -> assertThat(((IngestException) e).offset()).isEqualTo(prrAt));
    Path h = Files.write(dir.resolve("hdr.stdf"), java.util.Arrays.copyOf(full, prrAt + 2));
    assertThatThrownBy(() -> StdfFiles.scan(h)).hasMessageContaining("at byte " + prrAt)
        .hasMessageContaining("record header");
  }

  @Test
  void otherBadInputIsNamedPrecisely() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.txt"), "lot,wafer\n1,2\n");
    assertThatThrownBy(() -> StdfFiles.scan(text)).hasMessageContaining("notes.txt")
        .hasMessageContaining("not an STDF file");
    byte[] full = onePart(ByteOrder.LITTLE_ENDIAN);
    byte[] garbage = java.util.Arrays.copyOf(full, full.length + 5);
    Path g = Files.write(dir.resolve("garbage.stdf"), garbage);
    assertThatThrownBy(() -> StdfFiles.scan(g)).hasMessageContaining("at byte " + full.length)
        .hasMessageContaining("after the MRR");
    // a PRR whose PART_ID length byte claims more than the record holds
    StdfBytes b = lot(ByteOrder.BIG_ENDIAN);
    b.begin(5, 20).u1(1).u1(0).u1(0).u2(1).u2(1).u2(1).u2(0).u2(0).u4(0).u1(40).raw((byte) 'x').end();
    Path p = Files.write(dir.resolve("field.stdf"), b.bytes());
    assertThatThrownBy(() -> StdfFiles.scan(p)).hasMessageContaining("PRR.PART_ID")
        .hasMessageContaining("past the end of the record");
  }

  /** Offset of the first record with this type, walking headers (big-endian test files). */
  private static int indexOfRecord(byte[] f, int typ, int sub) {
    int at = 0;
    while (at + 4 <= f.length) {
      int len = ((f[at] & 0xFF) << 8) | (f[at + 1] & 0xFF);
      if ((f[at + 2] & 0xFF) == typ && (f[at + 3] & 0xFF) == sub) {
        return at;
      }
      at += 4 + len;
    }
    throw new AssertionError("no record " + typ + "/" + sub);
  }
}
