package dev.wafer.adapter.exec;

/**
 * What one scan did, for {@code explain --analyze}, the {@code sys} tables and tests.
 *
 * @param table qualified table name
 * @param spec the scan specification as plans print it
 * @param startedAtMillis wall-clock start (epoch milliseconds)
 * @param elapsedNanos time from start to close
 * @param files files the plan selected
 * @param filesOpened files actually opened (files whose batches were all skipped are not)
 * @param batches record batches in the selected files
 * @param batchesSkipped batches skipped by min/max statistics without being read
 * @param rowsScanned rows of the batches read
 * @param rowsReturned rows handed to Calcite (after the pushed predicate)
 * @param bytesRead bytes of the column buffers loaded (projected columns only)
 * @param mergeNanos time spent merging the workers' partial aggregates into the result (0 for a
 *     scan that returns rows)
 */
public record ScanReport(
    String table,
    String spec,
    long startedAtMillis,
    long elapsedNanos,
    int files,
    long filesOpened,
    int batches,
    long batchesSkipped,
    long rowsScanned,
    long rowsReturned,
    long bytesRead,
    long mergeNanos) {}
