package dev.wafer.functions.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;

/** The aggregate contract for CP, CPK, CPU, CPL, PP and PPK against textbook formulas. */
class CapabilityContractTest {
  private static final double LSL = 8.5;
  private static final double USL = 11.5;

  /** Normal data around 10 with σ 0.5 and the limits as constant columns. */
  abstract static class Capability extends AggregateContractTest {
    abstract boolean lower();

    abstract boolean upper();

    @Override
    protected List<Object> row(Random random, boolean nullX) {
      Double x = nullX ? null : 10 + 0.5 * random.nextGaussian();
      if (lower() && upper()) {
        return Arrays.asList(x, LSL, USL);
      }
      return Arrays.asList(x, lower() ? LSL : USL);
    }

    @Override
    protected Object reference(List<List<Object>> rows) {
      double[] x = Reference.xs(rows);
      if (x.length < 2) {
        return null;
      }
      double m = Reference.mean(x);
      double s = Reference.sampleSd(x);
      double cpu = (USL - m) / (3 * s);
      double cpl = (m - LSL) / (3 * s);
      return switch (functionName()) {
        case "CP", "PP" -> (USL - LSL) / (6 * s);
        case "CPK", "PPK" -> Math.min(cpu, cpl);
        case "CPU" -> cpu;
        case "CPL" -> cpl;
        default -> throw new IllegalStateException(functionName());
      };
    }
  }

  /** Both limits. */
  abstract static class TwoSided extends Capability {
    @Override
    boolean lower() {
      return true;
    }

    @Override
    boolean upper() {
      return true;
    }
  }

  @Nested
  class Cp extends TwoSided {
    @Override
    protected String functionName() {
      return "CP";
    }
  }

  @Nested
  class Cpk extends TwoSided {
    @Override
    protected String functionName() {
      return "CPK";
    }
  }

  @Nested
  class Pp extends TwoSided {
    @Override
    protected String functionName() {
      return "PP";
    }
  }

  @Nested
  class Ppk extends TwoSided {
    @Override
    protected String functionName() {
      return "PPK";
    }
  }

  @Nested
  class Cpu extends Capability {
    @Override
    protected String functionName() {
      return "CPU";
    }

    @Override
    boolean lower() {
      return false;
    }

    @Override
    boolean upper() {
      return true;
    }
  }

  @Nested
  class Cpl extends Capability {
    @Override
    protected String functionName() {
      return "CPL";
    }

    @Override
    boolean lower() {
      return true;
    }

    @Override
    boolean upper() {
      return false;
    }
  }
}
