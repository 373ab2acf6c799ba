package dev.wafer.sql.agg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.dataset.TableFiles;
import dev.wafer.adapter.dataset.WriteOptions;
import dev.wafer.adapter.ingest.IngestJob;
import dev.wafer.adapter.ingest.IngestReport;
import dev.wafer.adapter.ingest.csv.CsvIngester;
import dev.wafer.adapter.ingest.csv.CsvOptions;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Aggregations over a table ingested from CSV, whose string columns the writer dictionary-encodes
 * file by file (each file its own dictionary; a column too varied in one file stays plain there),
 * must return what the same table ingested without encoding, {@code rules=off} and DuckDB's
 * {@code read_csv} of the same files return.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestedTableQueriesTest {
  private static final String[] TESTS = {"µA_leak", "idd_q", "freq_max", "cont", "vth"};
  private Path root;
  private Connection on;
  private Connection off;
  private Connection duck;

  @BeforeAll
  void ingest() throws Exception {
    root = Files.createTempDirectory("wafer-ingested");
    Random rnd = new Random(21);
    List<Path> csvs = new ArrayList<>();
    for (int day = 1; day <= 3; day++) {
      StringBuilder csv = new StringBuilder("lot,wafer_id,test_name,device,serial,value,passed,day\n");
      for (int i = 0; i < 4000; i++) {
        String lot = rnd.nextInt(30) == 0 ? "" : "L" + rnd.nextInt(4);
        // on day 3 every row has its own device: that file keeps the column plain
        String device = day == 3 ? String.format(Locale.ROOT, "D%05d", 1000 + i) : "D" + rnd.nextInt(300);
        String value = rnd.nextInt(25) == 0 ? "" : Double.toString(rnd.nextGaussian() * 3 + day);
        csv.append(lot).append(",W").append(String.format(Locale.ROOT, "%02d", 1 + rnd.nextInt(25))).append(',')
            .append(TESTS[rnd.nextInt(TESTS.length)]).append(',').append(device).append(",S").append(day)
            .append('-').append(i).append(',').append(value).append(',').append(rnd.nextInt(5) > 0)
            .append(",2024-03-0").append(day).append('\n');
      }
      csvs.add(Files.writeString(root.resolve("day" + day + ".csv"), csv, StandardCharsets.UTF_8));
    }
    try (BufferAllocator allocator = new RootAllocator()) {
      for (String table : List.of("enc", "plain")) {
        WriteOptions options = WriteOptions.defaults().withBatchRows(1500)
            .withMaxDictionaryEntries(table.equals("enc") ? WriteOptions.DEFAULT_MAX_DICTIONARY_ENTRIES : 0);
        IngestReport report = IngestJob.run(new CsvIngester(CsvOptions.defaults()), csvs,
            new IngestJob.Target(root.resolve("ds"), table, "day", options, 2), allocator, IngestJob.QUIET);
        assertThat(report.failures()).isEmpty();
      }
    }
    on = DriverManager.getConnection("jdbc:wafer:" + root.resolve("ds") + ";threads=2");
    off = DriverManager.getConnection("jdbc:wafer:" + root.resolve("ds") + ";rules=off;threads=2");
    duck = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = duck.createStatement()) {
      s.execute("CREATE VIEW enc AS SELECT * FROM read_csv(["
          + csvs.stream().map(p -> "'" + p + "'").collect(Collectors.joining(",")) + "], header = true)");
    }
  }

  @AfterAll
  void close() throws Exception {
    AggTestBase.closeAndDelete(root, on, off, duck);
  }

  /** Which of the table's files store the column dictionary-encoded, per file in listing order. */
  private List<Boolean> encodedPerFile(String table, String column) throws Exception {
    List<Boolean> out = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator()) {
      for (var f : TableFiles.list(root.resolve("ds").resolve(table))) {
        try (FileChannel ch = FileChannel.open(f.path()); ArrowFileReader r = new ArrowFileReader(ch, allocator)) {
          Field field = r.getVectorSchemaRoot().getSchema().findField(column);
          out.add(field.getDictionary() != null);
        }
      }
    }
    return out;
  }

  @Test
  void theEncodedTableEncodesPerFileAndThePlainOneDoesNot() throws Exception {
    assertThat(encodedPerFile("enc", "wafer_id")).containsExactly(true, true, true);
    assertThat(encodedPerFile("enc", "device")).containsExactly(true, true, false);
    assertThat(encodedPerFile("enc", "serial")).containsOnly(false);
    assertThat(encodedPerFile("plain", "wafer_id")).containsOnly(false);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      count by wafer | SELECT wafer_id, COUNT(*) FROM {t} GROUP BY wafer_id | false
      mean by test | SELECT test_name, AVG(\"value\"), COUNT(\"value\") FROM {t} GROUP BY test_name | false
      device, mixed encodings | SELECT device, COUNT(*), AVG(\"value\") FROM {t} GROUP BY device | false
      filtered daily trend | SELECT \"day\", COUNT(*), AVG(\"value\") FROM {t} WHERE test_name = 'µA_leak' GROUP BY \"day\" | false
      two string keys, NULL lot | SELECT lot, wafer_id, MIN(\"value\"), MAX(\"value\"), STDDEV_SAMP(\"value\") FROM {t} GROUP BY lot, wafer_id | false
      distinct strings | SELECT COUNT(DISTINCT device), COUNT(DISTINCT lot), COUNT(lot) FROM {t} | false
      IN list and IS NULL | SELECT lot, COUNT(*) FROM {t} WHERE lot IS NULL OR lot IN ('L1', 'L3') GROUP BY lot | false
      LIKE, conditional sum, HAVING | SELECT wafer_id, SUM(CASE WHEN passed THEN 1 ELSE 0 END) FROM {t} WHERE device LIKE 'D1%' GROUP BY wafer_id HAVING COUNT(*) > 10 ORDER BY wafer_id | true
      string min and max | SELECT MIN(device), MAX(device), MIN(test_name), MAX(test_name), MIN(lot) FROM {t} | false
      range on a string, ORDER BY LIMIT | SELECT serial, \"value\" FROM {t} WHERE wafer_id = 'W07' AND test_name > 'd' ORDER BY serial LIMIT 20 | true
      not equal | SELECT test_name, COUNT(*) FROM {t} WHERE wafer_id <> 'W03' AND device >= 'D2' GROUP BY test_name | false
      """)
  void sameAsWithoutEncodingRulesOffAndDuckDb(String name, String sql, boolean ordered) throws Exception {
    Results.Table duckRows = Results.query(duck, sql.replace("{t}", "enc"), ordered);
    assertThat(duckRows.rows()).as("DuckDB rows").isNotEmpty();
    Results.assertSame(name + " (encoded)", Results.query(on, sql.replace("{t}", "enc"), ordered).rows(),
        duckRows.rows());
    Results.assertSame(name + " (plain)", Results.query(on, sql.replace("{t}", "plain"), ordered).rows(),
        duckRows.rows());
    Results.assertSame(name + " (rules=off)", Results.query(off, sql.replace("{t}", "enc"), ordered).rows(),
        duckRows.rows());
  }
}
