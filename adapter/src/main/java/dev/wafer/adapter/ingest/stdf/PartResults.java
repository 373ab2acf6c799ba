package dev.wafer.adapter.ingest.stdf;

import java.util.Arrays;

/**
 * The test results of one part in flight (between its PIR and PRR on one head and site), held
 * as primitive columns until the PRR supplies the part's die, bins and id. Reused for every
 * part of the site; NULLs are NaN for doubles, {@link TestCatalog#NULL_INT} for ints and 2 for
 * {@code passed}.
 */
final class PartResults {
  int size;
  int[] test = new int[64];
  byte[] kind = new byte[64];
  double[] value = new double[64];
  double[] lo = new double[64];
  double[] hi = new double[64];
  double[] loSpec = new double[64];
  double[] hiSpec = new double[64];
  int[] resScal = new int[64];
  int[] testFlg = new int[64];
  int[] parmFlg = new int[64];
  int[] pin = new int[64];
  /** 0 failed, 1 passed, 2 unknown. */
  byte[] passed = new byte[64];

  /** Makes room for one more row and returns its index. */
  int add() {
    if (size == test.length) {
      int n = size * 2;
      test = Arrays.copyOf(test, n);
      kind = Arrays.copyOf(kind, n);
      value = Arrays.copyOf(value, n);
      lo = Arrays.copyOf(lo, n);
      hi = Arrays.copyOf(hi, n);
      loSpec = Arrays.copyOf(loSpec, n);
      hiSpec = Arrays.copyOf(hiSpec, n);
      resScal = Arrays.copyOf(resScal, n);
      testFlg = Arrays.copyOf(testFlg, n);
      parmFlg = Arrays.copyOf(parmFlg, n);
      pin = Arrays.copyOf(pin, n);
      passed = Arrays.copyOf(passed, n);
    }
    return size++;
  }

  void clear() {
    size = 0;
  }
}
