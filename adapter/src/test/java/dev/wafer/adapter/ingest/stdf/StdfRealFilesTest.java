package dev.wafer.adapter.ingest.stdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.dataset.ReadBack;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The real tester files decode, and agree with their own summary records. */
class StdfRealFilesTest {
  static final List<String> FILES = RealStdf.FILES;
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void noLeaks() {
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  @ParameterizedTest
  @FieldSource("FILES")
  void recordCountsPerTypeEqualAnIndependentCountOfRecordHeaders(String name) throws IOException {
    StdfScan scan = StdfFiles.scan(RealStdf.file(name));
    assertThat(scan.recordCounts()).isEqualTo(countHeaders(RealStdf.bytes(name)));
  }

  /** Walks the record headers: REC_LEN (byte order from FAR CPU_TYPE), REC_TYP, REC_SUB. */
  private static Map<String, Long> countHeaders(byte[] f) {
    boolean big = f[4] == 1;
    Map<String, Long> counts = new TreeMap<>();
    Map<Integer, String> names = new HashMap<>();
    for (StdfRecordType t : StdfRecordType.values()) {
      names.put(t.recTyp() << 8 | t.recSub(), t.name());
    }
    int at = 0;
    while (at + 4 <= f.length) {
      int len = big ? (f[at] & 0xFF) << 8 | (f[at + 1] & 0xFF) : (f[at + 1] & 0xFF) << 8 | (f[at] & 0xFF);
      int typ = f[at + 2] & 0xFF;
      int sub = f[at + 3] & 0xFF;
      counts.merge(names.getOrDefault(typ << 8 | sub, typ + "/" + sub), 1L, Long::sum);
      at += 4 + len;
    }
    assertThat(at).as("records tile the file").isEqualTo(f.length);
    return counts;
  }

  @ParameterizedTest
  @FieldSource("FILES")
  void binSummariesEqualTheCountsOfPartBins(String name) throws IOException {
    StdfScan scan = StdfFiles.scan(RealStdf.file(name));
    assertThat(scan.bins()).isNotEmpty();
    for (StdfBin b : scan.bins()) {
      long parts = scan.parts().stream()
          .filter(p -> b.head() == 255 || (p.head() == b.head() && p.site() == b.site()))
          .filter(p -> b.binType() == 'H' ? p.hardBin() == b.binNum()
              : Objects.equals(p.softBin(), b.binNum()))
          .count();
      assertThat(parts).as("%s %s", name, b).isEqualTo(b.count());
    }
  }

  @Test
  void waferGoodCountsEqualThePassingDiesOfTheWafer() throws IOException {
    int checked = 0;
    for (String name : FILES) {
      StdfScan scan = StdfFiles.scan(RealStdf.file(name));
      for (StdfWafer w : scan.wafers()) {
        List<StdfPart> parts = scan.parts().stream().filter(p -> w.waferId().equals(p.waferId())).toList();
        assertThat((long) parts.size()).as("%s %s parts", name, w).isEqualTo(w.partCnt());
        if (w.goodCnt() >= 0) { // A530 files write GOOD_CNT as 4294967295: unknown
          assertThat(parts.stream().filter(p -> Boolean.TRUE.equals(p.passed())).count())
              .as("%s %s", name, w).isEqualTo(w.goodCnt());
          checked++;
        }
      }
    }
    assertThat(checked).as("wafers with a known GOOD_CNT").isGreaterThanOrEqualTo(3);
  }

  @ParameterizedTest
  @FieldSource("FILES")
  void resultRowsCoverEveryTestRecordAndKeepFloat32LimitsExact(String name) throws IOException {
    StdfScan scan = StdfFiles.scan(RealStdf.file(name));
    List<Map<String, Object>> rows;
    try (StdfResultsSource s = new StdfResultsSource(RealStdf.file(name), allocator, 8192, scan.rows())) {
      rows = ReadBack.rows(s);
    }
    // no MPR in these files: one row per PTR and FTR, every one inside a PIR/PRR pair
    long tests = scan.recordCounts().getOrDefault("PTR", 0L) + scan.recordCounts().getOrDefault("FTR", 0L);
    assertThat((long) rows.size()).isEqualTo(scan.rows()).isEqualTo(tests);
    Set<String> limitsPerTest = new HashSet<>();
    Set<String> tests2 = new HashSet<>();
    for (Map<String, Object> r : rows) {
      for (String c : List.of("lo_limit", "hi_limit", "test_value", "lo_spec", "hi_spec")) {
        Double v = (Double) r.get(c);
        if (v != null) {
          assertThat((double) v.floatValue()).as(c).isEqualTo(v);
        }
      }
      String key = r.get("test_type") + "/" + r.get("test_num") + "/" + r.get("test_name");
      tests2.add(key);
      limitsPerTest.add(key + "/" + r.get("lo_limit") + "/" + r.get("hi_limit") + "/" + r.get("units"));
      assertThat(r.get("lot_id")).isEqualTo(scan.run().lotId());
    }
    // these testers write limits only in a test's first PTR: every later row took the defaults
    assertThat(limitsPerTest).hasSameSizeAs(tests2);
    assertThat(rows.stream().filter(r -> r.get("hi_limit") != null).count()).isPositive();
  }

  @Test
  void retestsOfADieAreCountedAsInsertions() throws IOException {
    StdfScan scan = StdfFiles.scan(RealStdf.file("lot2.stdf.gz"));
    Map<String, Integer> seen = new HashMap<>();
    for (StdfPart p : scan.parts()) {
      int n = seen.merge(p.deviceId(), 1, Integer::sum);
      assertThat(p.insertion()).isEqualTo(n);
    }
    assertThat(scan.parts().stream().filter(p -> p.insertion() > 1)).isNotEmpty();
  }
}
