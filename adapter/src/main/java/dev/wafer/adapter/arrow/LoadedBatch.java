package dev.wafer.adapter.arrow;

import org.apache.arrow.vector.FieldVector;

/**
 * The loaded columns of one record batch: {@code vectors[i]} holds file field {@code i}, or null
 * when it was not requested. Closing releases every vector.
 */
public final class LoadedBatch implements AutoCloseable {
  private final int rows;
  private final FieldVector[] vectors;

  public LoadedBatch(int rows, FieldVector[] vectors) {
    this.rows = rows;
    this.vectors = vectors;
  }

  public int rows() {
    return rows;
  }

  public FieldVector vector(int field) {
    return vectors[field];
  }

  @Override
  public void close() {
    for (FieldVector v : vectors) {
      if (v != null) {
        v.close();
      }
    }
  }
}
