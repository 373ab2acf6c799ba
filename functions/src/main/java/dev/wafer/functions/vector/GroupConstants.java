package dev.wafer.functions.vector;

import dev.wafer.functions.Arguments;
import org.apache.arrow.vector.ValueVector;

/**
 * The per-group constant arguments of an aggregate (spec limits, a percentile, k), held as a
 * {@code double[]} in the state: slot {@code i} is argument {@code i + 1}. NaN means "not seen
 * yet or NULL"; the first non-NULL value seen wins, and merging keeps the target's value when
 * it has one, so the result does not depend on how rows were split into partials.
 */
public final class GroupConstants {
  private GroupConstants() {}

  /** A fresh holder for {@code slots} constant arguments. */
  public static double[] create(int slots) {
    double[] c = new double[slots];
    java.util.Arrays.fill(c, Double.NaN);
    return c;
  }

  /** Fills still-unknown slots from the selected rows of a batch. */
  public static void capture(double[] constants, ValueVector[] arguments, int[] selection, int count) {
    int slots = Math.min(constants.length, arguments.length - 1);
    for (int i = 0; i < slots; i++) {
      if (Double.isNaN(constants[i])) {
        ValueVector v = arguments[i + 1];
        int row = NumericReader.firstValidRow(v, selection, count);
        if (row >= 0) {
          constants[i] = NumericReader.get(v, row);
        }
      }
    }
  }

  /** Fills still-unknown slots from one row. */
  public static void capture(double[] constants, Arguments row) {
    int slots = Math.min(constants.length, row.size() - 1);
    for (int i = 0; i < slots; i++) {
      if (Double.isNaN(constants[i]) && !row.isNull(i + 1)) {
        constants[i] = row.getDouble(i + 1);
      }
    }
  }

  /** Merges {@code other}'s slots into {@code target} where {@code target} has none. */
  public static void merge(double[] target, double[] other) {
    for (int i = 0; i < target.length; i++) {
      if (Double.isNaN(target[i])) {
        target[i] = other[i];
      }
    }
  }

  /** Whether a spec limit value means a real limit (not NULL, NaN or ±Infinity). */
  public static boolean isLimit(double limit) {
    return Double.isFinite(limit);
  }
}
