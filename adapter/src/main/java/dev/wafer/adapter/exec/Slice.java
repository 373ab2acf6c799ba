package dev.wafer.adapter.exec;

/**
 * Consecutive rows of one batch in column-major form, as workers hand them to the consumer:
 * {@code columns[c][i]} is output column c of row i. Column-major keeps each copy loop on one
 * array; the consumer assembles a row only when Calcite asks for it.
 *
 * @param rows number of rows
 * @param columns values per output column, each of length {@code rows}
 */
record Slice(int rows, Object[][] columns) {
  /** Marks a finished worker in the queue. */
  static final Slice WORKER_DONE = new Slice(0, new Object[0][]);
}
