/**
 * The synthetic test-result data behind {@code ./wafer generate}: {@link
 * dev.wafer.adapter.generate.TestResultsGenerator} streams table {@code test_results} and {@link
 * dev.wafer.adapter.generate.SpecsTable} table {@code specs}, both as {@link
 * dev.wafer.adapter.dataset.RecordBatchSource}s for the dataset writer. Columns, anomalies and the
 * determinism contract are described in {@code docs/DATA.md}.
 */
package dev.wafer.adapter.generate;
