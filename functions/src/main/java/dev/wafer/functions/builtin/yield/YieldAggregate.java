package dev.wafer.functions.builtin.yield;

import static dev.wafer.functions.SqlType.BOOLEAN;
import static dev.wafer.functions.SqlType.DOUBLE;

import dev.wafer.functions.AggregateFunction;
import dev.wafer.functions.Arguments;
import dev.wafer.functions.Example;
import dev.wafer.functions.FunctionKind;
import dev.wafer.functions.FunctionMetadata;
import dev.wafer.functions.Signature;
import dev.wafer.functions.vector.NumericReader;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.ValueVector;

/** YIELD(passed): the fraction of passing parts among the non-NULL pass/fail flags of a group. */
public final class YieldAggregate implements AggregateFunction<YieldAggregate.State> {
  private static final FunctionMetadata METADATA = FunctionMetadata.builder("YIELD", FunctionKind.AGGREGATE)
      .signature(Signature.of(DOUBLE, "passed", BOOLEAN))
      .description("Per-insertion yield: the fraction of rows that passed.")
      .definition("count(passed = TRUE) / count(passed IS NOT NULL)")
      .conventions("NULL flags are ignored; a group with no non-NULL flag → NULL. A fraction in [0, 1], "
          + "not a percentage. Per-insertion: a die retested counts once per insertion; first-pass or final "
          + "yield per unique die needs the first or last insertion selected first (a window or GROUP BY die).")
      .example(new Example("YIELD(passed) over TRUE, TRUE, FALSE, NULL",
          Arrays.asList(List.of(true), List.of(true), List.of(false), Arrays.asList((Object) null)), 2.0 / 3))
      .build();

  /** Counts of passing and of non-NULL rows. */
  public static final class State {
    long passed;
    long total;
  }

  @Override
  public FunctionMetadata metadata() {
    return METADATA;
  }

  @Override
  public State createState() {
    return new State();
  }

  @Override
  public void accumulate(State state, ValueVector[] arguments, int[] selection, int count) {
    if (!(arguments[0] instanceof BitVector bits)) {
      throw new IllegalArgumentException("YIELD takes a BOOLEAN column; column " + arguments[0].getName()
          + " has type " + arguments[0].getMinorType());
    }
    if (bits.getValueCount() == 1 && count > 0) {
      if (!bits.isNull(0)) {
        state.total += count;
        state.passed += bits.get(0) == 1 ? count : 0;
      }
      return;
    }
    ArrowBuf data = bits.getDataBuffer();
    ArrowBuf validity = bits.getValidityBuffer();
    boolean nulls = bits.getNullCount() > 0;
    long passed = 0;
    long total = 0;
    for (int i = 0; i < count; i++) {
      int r = selection == null ? i : selection[i];
      if (!nulls || NumericReader.isValid(validity, r)) {
        total++;
        passed += NumericReader.isValid(data, r) ? 1 : 0; // the data buffer is a bitmap too
      }
    }
    state.passed += passed;
    state.total += total;
  }

  @Override
  public void accumulateRow(State state, Arguments row) {
    if (!row.isNull(0)) {
      state.total++;
      state.passed += row.getBoolean(0) ? 1 : 0;
    }
  }

  @Override
  public void merge(State target, State other) {
    target.passed += other.passed;
    target.total += other.total;
  }

  @Override
  public Object result(State state) {
    return state.total == 0 ? null : (double) state.passed / state.total;
  }
}
