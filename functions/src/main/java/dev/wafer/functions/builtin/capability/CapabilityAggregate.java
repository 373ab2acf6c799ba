package dev.wafer.functions.builtin.capability;

import dev.wafer.functions.AggregateFunction;
import dev.wafer.functions.FunctionMetadata;
import dev.wafer.functions.builtin.NumericAggregate;

/**
 * A capability index (CP, CPK, CPU, CPL, PP, PPK): {@link Moments} of the first argument plus
 * the spec limits as group constants, turned into a number by a {@link Formula} once per group.
 * The instances and their documentation are in {@link CapabilityFunctions}.
 */
public final class CapabilityAggregate {

  /** Computes the index from a group's moments and constants (slot i = argument i + 1). */
  @FunctionalInterface
  public interface Formula {
    Double apply(Moments moments, double[] constants);
  }

  /** One group's state: the moments of x and the limits seen. */
  public static final class State extends NumericAggregate.State {
    final Moments moments = new Moments();

    State(int slots) {
      super(slots);
    }

    @Override
    protected void add(double x) {
      moments.add(x);
    }

    @Override
    protected void addAll(double[] xs, int n) {
      moments.addAll(xs, n);
    }

    @Override
    protected void mergeValues(NumericAggregate.State other) {
      moments.merge(((State) other).moments);
    }
  }

  private CapabilityAggregate() {}

  /** An aggregate keeping moments and {@code constantSlots} constants, finished by {@code formula}. */
  public static AggregateFunction<State> create(FunctionMetadata metadata, int constantSlots, Formula formula) {
    return new NumericAggregate<>(metadata, () -> new State(constantSlots),
        s -> formula.apply(s.moments, s.constants()));
  }
}
