package dev.wafer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The machine's in-memory ceiling for the benchmark's typical kernel: a grouped sum of one
 * double column by a small integer key, over plain Java arrays, single-threaded, with four
 * partial accumulators. Wafer's time for the same work over mapped Arrow buffers is reported as
 * a fraction of it.
 */
public final class Roofline {
  /** Result: median time and the bytes per second it implies. */
  public record Result(long rows, Timing timing, double bytesPerSecond) {}

  private Roofline() {}

  public static Result measure(int rows, int groups, int warmup, int runs) {
    SplittableRandom r = new SplittableRandom(1);
    int[] keys = new int[rows];
    double[] values = new double[rows];
    for (int i = 0; i < rows; i++) {
      keys[i] = r.nextInt(groups);
      values[i] = r.nextDouble();
    }
    double sink = 0;
    List<Double> ms = new ArrayList<>();
    for (int run = 0; run < warmup + runs; run++) {
      long t0 = System.nanoTime();
      sink += groupedSum(keys, values, groups);
      double elapsed = (System.nanoTime() - t0) / 1e6;
      if (run >= warmup) {
        ms.add(elapsed);
      }
    }
    if (sink == 42) {
      System.out.print(""); // keeps the JIT from removing the loop
    }
    Timing t = new Timing(ms);
    return new Result(rows, t, rows * 12.0 / (t.median() / 1e3));
  }

  static double groupedSum(int[] keys, double[] values, int groups) {
    double[] a = new double[groups];
    double[] b = new double[groups];
    double[] c = new double[groups];
    double[] d = new double[groups];
    int n = keys.length & ~3;
    for (int i = 0; i < n; i += 4) {
      a[keys[i]] += values[i];
      b[keys[i + 1]] += values[i + 1];
      c[keys[i + 2]] += values[i + 2];
      d[keys[i + 3]] += values[i + 3];
    }
    for (int i = n; i < keys.length; i++) {
      a[keys[i]] += values[i];
    }
    double total = 0;
    for (int g = 0; g < groups; g++) {
      total += a[g] + b[g] + c[g] + d[g];
    }
    return total;
  }
}
