package dev.wafer.adapter.dataset;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Statistics Wafer stores inside every Arrow file it writes: the whole file and each record batch,
 * in file order, so a reader can prune files and batches without scanning them.
 *
 * @param file statistics over all rows of the file
 * @param batches statistics per record batch, in the order of the file's footer blocks
 */
public record FileStats(ContainerStats file, List<ContainerStats> batches) {

  /** Key of the Arrow footer custom-metadata entry holding {@link StatsCodec} JSON. */
  public static final String FOOTER_KEY = "wafer.stats";

  public FileStats {
    requireNonNull(file, "file");
    batches = List.copyOf(requireNonNull(batches, "batches"));
    long sum = batches.stream().mapToLong(ContainerStats::rows).sum();
    if (sum != file.rows()) {
      throw new IllegalArgumentException(
          "batch rows " + sum + " do not add up to file rows " + file.rows());
    }
  }
}
