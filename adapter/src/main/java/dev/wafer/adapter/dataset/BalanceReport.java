package dev.wafer.adapter.dataset;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The seed's partition balance report: rows and bytes per partition, and how evenly the rows
 * are spread. Skew is {@code (max - mean) / mean} of the rows per partition, in percent: the
 * extra work the slowest partition does when partitions are scanned in parallel.
 *
 * @param partitions one entry per partition directory, in path order
 */
public record BalanceReport(List<Partition> partitions) {

  /** Totals of one partition directory. */
  public record Partition(String path, int files, long rows, long bytes, int batches) {}

  public BalanceReport {
    partitions = List.copyOf(requireNonNull(partitions, "partitions"));
  }

  /** Reads the report of a table from its files' footers. */
  public static BalanceReport of(Path tableDir, BufferAllocator allocator) throws IOException {
    Totals totals = new Totals();
    for (DataFile f : TableFiles.list(tableDir)) {
      FileRowCounter.Counts c = FileRowCounter.count(f, allocator);
      totals.add(f.partitionPath(), c.rows(), f.bytes(), c.batches());
    }
    return totals.report();
  }

  /** The report of the files a write just produced. */
  public static BalanceReport of(WriteResult result) {
    Totals totals = new Totals();
    for (WrittenFile f : result.files()) {
      totals.add(f.partitionPath(), f.rows(), f.bytes(), f.batches());
    }
    return totals.report();
  }

  /** Sums files into partitions, in path order. */
  private static final class Totals {
    private final Map<String, long[]> byPath = new java.util.TreeMap<>();

    void add(String path, long rows, long bytes, int batches) {
      long[] a = byPath.computeIfAbsent(path, k -> new long[4]);
      a[0]++;
      a[1] += rows;
      a[2] += bytes;
      a[3] += batches;
    }

    BalanceReport report() {
      List<Partition> parts = new ArrayList<>();
      byPath.forEach((p, a) -> parts.add(new Partition(p, (int) a[0], a[1], a[2], (int) a[3])));
      return new BalanceReport(parts);
    }
  }

  public long totalRows() {
    return partitions.stream().mapToLong(Partition::rows).sum();
  }

  public long totalBytes() {
    return partitions.stream().mapToLong(Partition::bytes).sum();
  }

  public long minRows() {
    return partitions.stream().mapToLong(Partition::rows).min().orElse(0);
  }

  public long maxRows() {
    return partitions.stream().mapToLong(Partition::rows).max().orElse(0);
  }

  public double meanRows() {
    return partitions.isEmpty() ? 0 : (double) totalRows() / partitions.size();
  }

  /** Population standard deviation of rows per partition. */
  public double stddevRows() {
    double mean = meanRows();
    return Math.sqrt(partitions.stream()
        .mapToDouble(p -> (p.rows() - mean) * (p.rows() - mean)).average().orElse(0));
  }

  /** {@code (max - mean) / mean} of rows per partition, in percent (0 when perfectly even). */
  public double skewPercent() {
    double mean = meanRows();
    return mean == 0 ? 0 : (maxRows() - mean) / mean * 100;
  }

  /** A fixed-width text table followed by the summary lines. */
  public String format() {
    StringBuilder sb = new StringBuilder();
    int w = Math.max(9, partitions.stream().mapToInt(p -> p.path().length()).max().orElse(0));
    sb.append(String.format(Locale.ROOT, "%-" + w + "s %6s %12s %10s %8s%n",
        "partition", "files", "rows", "MB", "batches"));
    for (Partition p : partitions) {
      sb.append(String.format(Locale.ROOT, "%-" + w + "s %6d %12d %10.2f %8d%n",
          p.path().isEmpty() ? "(none)" : p.path(), p.files(), p.rows(), p.bytes() / 1e6, p.batches()));
    }
    sb.append(String.format(Locale.ROOT,
        "partitions: %d  rows: %d  MB: %.2f%n"
            + "rows per partition: min %d  max %d  mean %.1f  stddev %.1f  skew %.1f%%%n",
        partitions.size(), totalRows(), totalBytes() / 1e6, minRows(), maxRows(), meanRows(),
        stddevRows(), skewPercent()));
    return sb.toString();
  }
}
