package dev.wafer.functions.builtin.approx;

import static dev.wafer.functions.SqlType.ANY;
import static dev.wafer.functions.SqlType.BIGINT;

import dev.wafer.functions.AggregateFunction;
import dev.wafer.functions.Arguments;
import dev.wafer.functions.Example;
import dev.wafer.functions.FunctionKind;
import dev.wafer.functions.FunctionMetadata;
import dev.wafer.functions.Signature;
import dev.wafer.functions.builtin.ExampleData;
import dev.wafer.functions.vector.NumericReader;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.datasketches.hll.Union;

/**
 * APPROX_COUNT_DISTINCT(x): the number of distinct non-NULL values, estimated by an Apache
 * DataSketches HLL sketch (a few kilobytes per group, mergeable).
 */
public final class ApproxCountDistinctAggregate implements AggregateFunction<Union> {
  /** log2 of the HLL register count: about 1.6% relative standard error. */
  public static final int LG_K = 12;

  private static final FunctionMetadata METADATA = FunctionMetadata.builder("APPROX_COUNT_DISTINCT",
          FunctionKind.AGGREGATE)
      .signature(Signature.of(BIGINT, "x", ANY))
      .description("An approximate count of distinct values in bounded memory (e.g. distinct dies or lots).")
      .definition("HyperLogLog estimate of |{x : x IS NOT NULL}|, rounded to the nearest integer")
      .conventions("Apache DataSketches HLL with lgK = 12: relative standard error about 1.6%; exact for small "
          + "counts (a few hundred). Numbers are hashed by their double value (1 and 1.0 are the same value); "
          + "strings by their UTF-8 bytes; booleans as 0/1. Pass decoded values, not dictionary indices. "
          + "NULL is ignored; no value → 0, never NULL.")
      .example(Example.aggregate("APPROX_COUNT_DISTINCT(x) over 1, 1, 2, 2, 4, 6, 9",
          new double[] {1, 1, 2, 2, 4, 6, 9}, 5L))
      .example(Example.aggregate("APPROX_COUNT_DISTINCT(x) over 1..9", ExampleData.ONE_TO_NINE, 9L))
      .build();

  @Override
  public FunctionMetadata metadata() {
    return METADATA;
  }

  @Override
  public Union createState() {
    return new Union(LG_K);
  }

  @Override
  public void accumulate(Union state, ValueVector[] arguments, int[] selection, int count) {
    ValueVector v = arguments[0];
    if (v instanceof BaseVariableWidthVector strings) {
      accumulateStrings(state, strings, selection, count);
    } else if (v instanceof BitVector bits) {
      for (int i = 0; i < count; i++) {
        int r = selection == null ? i : selection[i];
        if (!bits.isNull(r)) {
          state.update((long) bits.get(r));
        }
      }
    } else {
      double[] xs = NumericReader.scratch(count);
      int n = NumericReader.gather(v, selection, count, xs);
      for (int i = 0; i < n; i++) {
        state.update(xs[i]);
      }
    }
  }

  private static void accumulateStrings(Union state, BaseVariableWidthVector v, int[] selection, int count) {
    ArrowBuf offsets = v.getOffsetBuffer();
    ArrowBuf data = v.getDataBuffer();
    ArrowBuf validity = v.getValidityBuffer();
    boolean nulls = v.getNullCount() > 0;
    for (int i = 0; i < count; i++) {
      int r = selection == null ? i : selection[i];
      if (!nulls || NumericReader.isValid(validity, r)) {
        long start = offsets.getInt((long) r * BaseVariableWidthVector.OFFSET_WIDTH);
        long end = offsets.getInt((long) (r + 1) * BaseVariableWidthVector.OFFSET_WIDTH);
        state.update(Fnv64.hash(data, start, end));
      }
    }
  }

  @Override
  public void accumulateRow(Union state, Arguments row) {
    if (row.isNull(0)) {
      return;
    }
    Object value = row.getObject(0);
    if (value instanceof CharSequence s) {
      state.update(Fnv64.hashUtf8(s));
    } else if (value instanceof Boolean b) {
      state.update(b ? 1L : 0L);
    } else {
      double d = row.getDouble(0);
      if (!Double.isNaN(d)) { // the vector path skips NaN too
        state.update(d);
      }
    }
  }

  @Override
  public void merge(Union target, Union other) {
    target.update(other.getResult());
  }

  @Override
  public Object result(Union state) {
    return state.isEmpty() ? 0L : Math.round(state.getEstimate());
  }
}
