package dev.wafer.functions.vector;

import java.util.Arrays;

/**
 * A growable array of primitive doubles: the per-group store of the exact quantile functions
 * (no boxing, 8 bytes a value plus growth slack).
 */
public final class DoubleList {
  private double[] values;
  private int size;

  public DoubleList() {
    this(8);
  }

  public DoubleList(int capacity) {
    values = new double[Math.max(capacity, 1)];
  }

  public void add(double v) {
    if (size == values.length) {
      grow(size + 1);
    }
    values[size++] = v;
  }

  /** Appends {@code n} values of {@code source}, starting at 0. */
  public void addAll(double[] source, int n) {
    if (size + n > values.length) {
      grow(size + n);
    }
    System.arraycopy(source, 0, values, size, n);
    size += n;
  }

  public void addAll(DoubleList other) {
    addAll(other.values, other.size);
  }

  public int size() {
    return size;
  }

  /** The backing array; valid entries are {@code [0, size())}. */
  public double[] array() {
    return values;
  }

  /** Sorts the values in place (their order carries no meaning) and returns the backing array. */
  public double[] sorted() {
    Arrays.sort(values, 0, size);
    return values;
  }

  /** Bytes held, for memory accounting by the engine. */
  public long retainedBytes() {
    return 16L + 8L * values.length;
  }

  private void grow(int needed) {
    int capacity = Math.max(needed, values.length + (values.length >> 1) + 1);
    values = Arrays.copyOf(values, capacity);
  }
}
