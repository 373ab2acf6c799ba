package dev.wafer.adapter.dataset;

/** A partition spec that names an unknown column, an unknown transform, or is malformed. */
public final class PartitionSpecException extends IllegalArgumentException {
  public PartitionSpecException(String message) {
    super(message);
  }
}
