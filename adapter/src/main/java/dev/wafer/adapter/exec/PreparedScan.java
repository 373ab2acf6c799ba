package dev.wafer.adapter.exec;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.dataset.FileFormat;
import dev.wafer.adapter.rel.ScanSpec;
import dev.wafer.adapter.table.TableFile;
import java.util.List;

/**
 * A scan specification with what every execution of it derives from it worked out once, when the
 * plan is compiled: the columns to load and the predicate bound to them, the morsels, and the
 * description {@code sys.scans} reports. A cached plan runs the same prepared scan at each
 * execution. An aggregate over a warm table can take a few milliseconds, and deriving these anew
 * each time (visiting every file's metadata, formatting the specification) was about a tenth of
 * that: time in which no scan worker runs, so it also capped what a second thread could gain.
 *
 * <p>A spec with a scalar filter is bound anew at each execution (its constants come from another
 * scan of the query), so only its bound form is prepared. Immutable, and shared by concurrent
 * executions of one plan.
 */
public final class PreparedScan {
  private final ScanSpec spec;
  private final ScanColumns columns;
  /** Per morsel, its file (an index into the spec's files) and its record batch (0 for a Parquet file). */
  private final int[] morselFile;
  private final int[] morselBatch;
  /** Per file, how many morsels it has. */
  private final int[] fileMorsels;
  private final int batches;
  private final String description;

  private PreparedScan(ScanSpec spec) {
    this.spec = spec;
    if (spec.scalarFilter() != null) {
      columns = null;
      morselFile = morselBatch = fileMorsels = null;
      batches = 0;
      description = null;
      return;
    }
    this.columns = ScanColumns.of(spec);
    List<TableFile> files = spec.files();
    fileMorsels = new int[files.size()];
    int morsels = 0;
    for (int f = 0; f < fileMorsels.length; f++) {
      TableFile file = files.get(f);
      // an Arrow file is read a record batch at a time; a Parquet file whole, by Arrow Dataset
      fileMorsels[f] = file.file().format() == FileFormat.ARROW ? file.batches() : 1;
      morsels += fileMorsels[f];
    }
    morselFile = new int[morsels];
    morselBatch = new int[morsels];
    int m = 0;
    for (int f = 0; f < fileMorsels.length; f++) {
      for (int b = 0; b < fileMorsels[f]; b++, m++) {
        morselFile[m] = f;
        morselBatch[m] = b;
      }
    }
    this.batches = spec.batches();
    this.description = spec.describe();
  }

  /** The prepared form of {@code spec}; of a spec with a scalar filter, only the spec until it is bound. */
  public static PreparedScan of(ScanSpec spec) {
    return new PreparedScan(requireNonNull(spec, "spec"));
  }

  /** Whether the spec has a scalar filter still to bind, by {@link ScanExecution}, before it can run. */
  boolean unbound() {
    return columns == null;
  }

  public ScanSpec spec() {
    return spec;
  }

  ScanColumns columns() {
    return columns;
  }

  int morsels() {
    return morselFile.length;
  }

  int morselFile(int morsel) {
    return morselFile[morsel];
  }

  int morselBatch(int morsel) {
    return morselBatch[morsel];
  }

  int fileMorsels(int file) {
    return fileMorsels[file];
  }

  /** Record batches in the spec's files, before any is skipped by its statistics. */
  int batches() {
    return batches;
  }

  /** The specification as {@code sys.scans} prints it. */
  String description() {
    return description;
  }
}
