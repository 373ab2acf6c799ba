package dev.wafer.adapter.ingest;

import dev.wafer.adapter.dataset.Derivation;
import dev.wafer.adapter.dataset.RecordBatchSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * How one input format is ingested, in two passes per file so that a bad file never leaves
 * part of itself in a table: {@link #scan} reads the whole file and finds every file-level
 * problem (and the schema it implies); only files that scan cleanly are read again by {@link
 * #open} and written.
 *
 * @param <S> what a scan learns about one file
 */
public interface FileIngester<S extends FileIngester.Scan> {
  /** What every scan reports. */
  interface Scan {
    Path file();

    /** Rows the file will give. */
    long rows();

    /** Rows dropped by {@code --on-error skip}. */
    long skippedRows();

    /** The schema of this file's rows. */
    Schema schema();
  }

  /** A further table derived from the good files (e.g. STDF parts and bins). */
  record SideTable(String name, RecordBatchSource source) {}

  /**
   * Pass 1: reads a whole file; throws {@link IngestException} for bad input.
   *
   * @param allocator for any Arrow memory the scan needs, all released on return
   */
  S scan(Path file, BufferAllocator allocator) throws IOException;

  /**
   * Merges a file's schema into the schema of the files before it, widening types where they
   * differ compatibly.
   *
   * @param merged the schema so far, or null for the first file
   * @throws IngestException when the file cannot join the others (naming both sides)
   */
  Schema merge(Schema merged, S scan) throws IngestException;

  /** Pass 2: the rows of a scanned file, converted to {@code target} exactly. */
  RecordBatchSource open(S scan, Schema target, BufferAllocator allocator) throws IOException;

  /** Derived columns of the main table to record (e.g. {@code test_date = day(ts)}). */
  default List<Derivation> derivations(Schema target) {
    return List.of();
  }

  /** Further tables built from the good files' scans; none by default. */
  default List<SideTable> sideTables(List<S> scans, BufferAllocator allocator) {
    return List.of();
  }
}
