package dev.wafer.adapter.ingest.stdf;

import static dev.wafer.adapter.generate.TestResultsSchema.DEVICE_ID;
import static dev.wafer.adapter.generate.TestResultsSchema.DIE_X;
import static dev.wafer.adapter.generate.TestResultsSchema.DIE_Y;
import static dev.wafer.adapter.generate.TestResultsSchema.HARD_BIN;
import static dev.wafer.adapter.generate.TestResultsSchema.LOT_ID;
import static dev.wafer.adapter.generate.TestResultsSchema.PASSED;
import static dev.wafer.adapter.generate.TestResultsSchema.SITE;
import static dev.wafer.adapter.generate.TestResultsSchema.SOFT_BIN;
import static dev.wafer.adapter.generate.TestResultsSchema.TESTER_ID;
import static dev.wafer.adapter.generate.TestResultsSchema.TEST_DATE;
import static dev.wafer.adapter.generate.TestResultsSchema.TEST_TIME_MS;
import static dev.wafer.adapter.generate.TestResultsSchema.TS;
import static dev.wafer.adapter.generate.TestResultsSchema.WAFER_ID;
import static dev.wafer.adapter.ingest.stdf.StdfSchemas.*;

import dev.wafer.adapter.dataset.Derivation;
import dev.wafer.adapter.dataset.RecordBatchSource;
import dev.wafer.adapter.ingest.Cells;
import dev.wafer.adapter.ingest.FileIngester;
import dev.wafer.adapter.ingest.IngestException;
import dev.wafer.adapter.ingest.ListSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * STDF V4 ingest: {@code test_results} rows from PTR/MPR/FTR, plus the side tables {@code
 * stdf_parts} (a row per PRR) and {@code stdf_bins} (a row per HBR/SBR) of the good files.
 */
public final class StdfIngester implements FileIngester<StdfScan> {
  private final int batchRows;

  public StdfIngester(int batchRows) {
    this.batchRows = batchRows;
  }

  public StdfIngester() {
    this(StdfResultsSource.DEFAULT_BATCH_ROWS);
  }

  @Override
  public StdfScan scan(Path file, BufferAllocator allocator) throws IOException {
    return StdfFiles.scan(file);
  }

  @Override
  public Schema merge(Schema merged, StdfScan scan) throws IngestException {
    return StdfSchemas.TEST_RESULTS;
  }

  @Override
  public RecordBatchSource open(StdfScan scan, Schema target, BufferAllocator allocator)
      throws IOException {
    return new StdfResultsSource(scan.file(), allocator, batchRows, scan.rows());
  }

  @Override
  public List<Derivation> derivations(Schema target) {
    return List.of(new Derivation(TEST_DATE, TS, "day"));
  }

  @Override
  public List<SideTable> sideTables(List<StdfScan> scans, BufferAllocator allocator) {
    List<FilePart> parts = new ArrayList<>();
    List<FileBin> bins = new ArrayList<>();
    for (StdfScan s : scans) {
      s.parts().forEach(p -> parts.add(new FilePart(s, p)));
      s.bins().forEach(b -> bins.add(new FileBin(s, b)));
    }
    ListSource<FilePart> partSource = new ListSource<>(PARTS, parts, StdfIngester::writePart, allocator);
    try {
      return List.of(new SideTable(PARTS_TABLE, partSource),
          new SideTable(BINS_TABLE, new ListSource<>(BINS, bins, StdfIngester::writeBin, allocator)));
    } catch (RuntimeException e) {
      partSource.close();
      throw e;
    }
  }

  private record FilePart(StdfScan scan, StdfPart part) {}

  private record FileBin(StdfScan scan, StdfBin bin) {}

  private static void writePart(FilePart fp, VectorSchemaRoot root, int row) {
    StdfPart p = fp.part();
    StdfRun run = fp.scan().run();
    Cells.string(text(root, SOURCE_FILE), row, fp.scan().file().toString());
    Cells.string(text(root, LOT_ID), row, run.lotId());
    Cells.string(text(root, WAFER_ID), row, p.waferId());
    Cells.string(text(root, DEVICE_ID), row, p.deviceId());
    Cells.string(text(root, PART_ID), row, p.partId());
    Cells.integer(integer(root, HEAD), row, p.head());
    Cells.integer(integer(root, SITE), row, p.site());
    Cells.integer(integer(root, DIE_X), row, p.dieX());
    Cells.integer(integer(root, DIE_Y), row, p.dieY());
    Cells.integer(integer(root, HARD_BIN), row, p.hardBin());
    Cells.integer(integer(root, SOFT_BIN), row, p.softBin());
    Cells.bool((BitVector) root.getVector(PASSED), row, p.passed());
    Cells.integer(integer(root, PART_FLG), row, p.partFlg());
    Cells.integer(integer(root, INSERTION), row, p.insertion());
    Cells.integer(integer(root, NUM_TEST), row, p.numTest());
    Cells.real((Float8Vector) root.getVector(TEST_TIME_MS), row, p.testTimeMs());
    Cells.string(text(root, PART_TXT), row, p.partTxt());
    Cells.string(text(root, TESTER_ID), row, run.testerId());
    Cells.string(text(root, TESTER_TYPE), row, run.testerType());
    Cells.string(text(root, PROGRAM), row, run.program());
    Cells.string(text(root, TEST_STEP), row, run.testStep());
    Cells.seconds((TimeStampMilliVector) root.getVector(START_T), row, run.startT());
    Cells.seconds((TimeStampMilliVector) root.getVector(TS), row, p.timeS());
    Cells.dateOfSeconds((DateDayVector) root.getVector(TEST_DATE), row, p.timeS());
  }

  private static void writeBin(FileBin fb, VectorSchemaRoot root, int row) {
    StdfBin b = fb.bin();
    StdfRun run = fb.scan().run();
    Cells.string(text(root, SOURCE_FILE), row, fb.scan().file().toString());
    Cells.string(text(root, LOT_ID), row, run.lotId());
    Cells.string(text(root, PROGRAM), row, run.program());
    Cells.string(text(root, TEST_STEP), row, run.testStep());
    Cells.string(text(root, BIN_TYPE), row, String.valueOf(b.binType()));
    Cells.integer(integer(root, HEAD), row, b.head());
    Cells.integer(integer(root, SITE), row, b.site());
    Cells.integer(integer(root, BIN_NUM), row, b.binNum());
    ((BigIntVector) root.getVector(BIN_COUNT)).setSafe(row, b.count());
    Cells.string(text(root, BIN_PF), row, b.pf());
    Cells.string(text(root, BIN_NAME), row, b.name());
  }

  private static VarCharVector text(VectorSchemaRoot root, String name) {
    return (VarCharVector) root.getVector(name);
  }

  private static IntVector integer(VectorSchemaRoot root, String name) {
    return (IntVector) root.getVector(name);
  }
}
