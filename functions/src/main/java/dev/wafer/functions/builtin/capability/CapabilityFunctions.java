package dev.wafer.functions.builtin.capability;

import static dev.wafer.functions.SqlType.DOUBLE;
import static dev.wafer.functions.SqlType.NUMERIC;

import dev.wafer.functions.AggregateFunction;
import dev.wafer.functions.Example;
import dev.wafer.functions.FunctionKind;
import dev.wafer.functions.FunctionMetadata;
import dev.wafer.functions.Signature;
import dev.wafer.functions.builtin.ExampleData;
import java.util.List;

/** The capability indices with their metadata: CP, CPK, CPU, CPL and PP, PPK. */
public final class CapabilityFunctions {
  private static final String SIGMA = "σ is the sample standard deviation (n−1) of the non-NULL x. "
      + "A group has no subgroup structure, so the within-σ of Cp/Cpk is estimated by the same "
      + "overall sample σ as Pp/Ppk: the two families agree numerically, the names serve each "
      + "community's vocabulary (test floors call this Cpk). ";
  private static final String EDGES = "NULL or NaN x are ignored; limits are per-group constants "
      + "(first non-NULL value wins) and a NULL or ±Infinity limit means no limit on that side. "
      + "n < 2 or all NULL → NULL. σ = 0 → +Infinity when the numerator is positive, "
      + "−Infinity when negative, NULL when zero.";

  private CapabilityFunctions() {}

  public static List<AggregateFunction<?>> all() {
    return List.of(cp("CP"), cpk("CPK"), cpu(), cpl(), cp("PP"), cpk("PPK"));
  }

  private static AggregateFunction<?> cp(String name) {
    FunctionMetadata md = FunctionMetadata.builder(name, FunctionKind.AGGREGATE)
        .signature(Signature.of(DOUBLE, "x", NUMERIC, "lsl", DOUBLE, "usl", DOUBLE))
        .description(name.equals("CP") ? "Potential process capability: spec width over six sigma."
            : "Overall process performance: spec width over six overall sigma.")
        .definition("(USL − LSL) / (6σ); NULL unless both limits exist")
        .conventions(SIGMA + EDGES)
        .example(Example.aggregate(name + "(x, 9.8, 10.2) over the 25 values of MATLAB Answers #2037551",
            ExampleData.MATLAB_25, 0.514856, 9.8, 10.2))
        .build();
    return CapabilityAggregate.create(md, 2, (m, c) -> CapabilityMath.cp(m.count(), m.sampleStddev(), c[0], c[1]));
  }

  private static AggregateFunction<?> cpk(String name) {
    FunctionMetadata md = FunctionMetadata.builder(name, FunctionKind.AGGREGATE)
        .signature(Signature.of(DOUBLE, "x", NUMERIC, "lsl", DOUBLE, "usl", DOUBLE))
        .description(name.equals("CPK") ? "Process capability index: distance from the mean to the nearer limit in units of 3σ."
            : "Process performance index: distance from the mean to the nearer limit in units of 3 overall σ.")
        .definition("min(CPU, CPL) = min((USL − μ)/(3σ), (μ − LSL)/(3σ)); with one limit, that side; NULL with none")
        .conventions(SIGMA + EDGES)
        .example(Example.aggregate(name + "(x, 9.8, 10.2) over the 25 values of MATLAB Answers #2037551",
            ExampleData.MATLAB_25, 0.391290, 9.8, 10.2))
        .example(Example.aggregate(name + "(x, 8, 20) over 12, 20 and seven 16s (μ = 16, σ = 2)",
            ExampleData.MEAN16_SIGMA2, 0.666667, 8.0, 20.0))
        .example(Example.aggregate(name + "(x, 8, NULL): lower limit only", ExampleData.MEAN16_SIGMA2, 1.333333, 8.0, null))
        .build();
    return CapabilityAggregate.create(md, 2,
        (m, c) -> CapabilityMath.cpk(m.count(), m.mean(), m.sampleStddev(), c[0], c[1]));
  }

  private static AggregateFunction<?> cpu() {
    FunctionMetadata md = FunctionMetadata.builder("CPU", FunctionKind.AGGREGATE)
        .signature(Signature.of(DOUBLE, "x", NUMERIC, "usl", DOUBLE))
        .description("Upper capability: distance from the mean to the upper limit in units of 3σ.")
        .definition("(USL − μ) / (3σ)")
        .conventions(SIGMA + EDGES)
        .example(Example.aggregate("CPU(x, 20) over 12, 20 and seven 16s", ExampleData.MEAN16_SIGMA2, 0.666667, 20.0))
        .build();
    return CapabilityAggregate.create(md, 1, (m, c) -> CapabilityMath.cpu(m.count(), m.mean(), m.sampleStddev(), c[0]));
  }

  private static AggregateFunction<?> cpl() {
    FunctionMetadata md = FunctionMetadata.builder("CPL", FunctionKind.AGGREGATE)
        .signature(Signature.of(DOUBLE, "x", NUMERIC, "lsl", DOUBLE))
        .description("Lower capability: distance from the lower limit to the mean in units of 3σ.")
        .definition("(μ − LSL) / (3σ)")
        .conventions(SIGMA + EDGES)
        .example(Example.aggregate("CPL(x, 8) over 12, 20 and seven 16s", ExampleData.MEAN16_SIGMA2, 1.333333, 8.0))
        .build();
    return CapabilityAggregate.create(md, 1, (m, c) -> CapabilityMath.cpl(m.count(), m.mean(), m.sampleStddev(), c[0]));
  }
}
