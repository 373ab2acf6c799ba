package dev.wafer.functions.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;

/**
 * The aggregate contract for the exact order statistics (MEDIAN, PERCENTILE, IQR,
 * ROBUST_SIGMA, MAD, MAD_RAW, PAT_LO, PAT_HI, CPK_ROBUST) against R-style reference formulas.
 */
class OrderStatisticsContractTest {

  /** Skewed data (a normal plus a few far outliers), so medians and means differ. */
  abstract static class OrderStatistic extends AggregateContractTest {
    /** The constants following x in every row. */
    abstract Object[] constants();

    /** The reference result from the non-NULL values (at least one). */
    abstract double compute(double[] x);

    @Override
    protected List<Object> row(Random random, boolean nullX) {
      Object[] c = constants();
      Object[] row = new Object[1 + c.length];
      if (!nullX) {
        row[0] = random.nextInt(50) == 0 ? 40 + random.nextDouble() : 10 + random.nextGaussian();
      }
      System.arraycopy(c, 0, row, 1, c.length);
      return Arrays.asList(row);
    }

    @Override
    protected Object reference(List<List<Object>> rows) {
      double[] x = Reference.xs(rows);
      return x.length == 0 ? null : compute(x);
    }
  }

  @Nested
  class Median extends OrderStatistic {
    @Override
    protected String functionName() {
      return "MEDIAN";
    }

    @Override
    Object[] constants() {
      return new Object[0];
    }

    @Override
    double compute(double[] x) {
      return Reference.quantile7(x, 0.5);
    }
  }

  @Nested
  class Percentile extends OrderStatistic {
    @Override
    protected String functionName() {
      return "PERCENTILE";
    }

    @Override
    Object[] constants() {
      return new Object[] {0.9};
    }

    @Override
    double compute(double[] x) {
      return Reference.quantile7(x, 0.9);
    }
  }

  @Nested
  class Iqr extends OrderStatistic {
    @Override
    protected String functionName() {
      return "IQR";
    }

    @Override
    Object[] constants() {
      return new Object[0];
    }

    @Override
    double compute(double[] x) {
      return Reference.quantile7(x, 0.75) - Reference.quantile7(x, 0.25);
    }
  }

  @Nested
  class RobustSigma extends OrderStatistic {
    @Override
    protected String functionName() {
      return "ROBUST_SIGMA";
    }

    @Override
    Object[] constants() {
      return new Object[0];
    }

    @Override
    double compute(double[] x) {
      return (Reference.quantile7(x, 0.75) - Reference.quantile7(x, 0.25)) / 1.35;
    }
  }

  @Nested
  class Mad extends OrderStatistic {
    @Override
    protected String functionName() {
      return "MAD";
    }

    @Override
    Object[] constants() {
      return new Object[0];
    }

    @Override
    double compute(double[] x) {
      return 1.4826 * Reference.madRaw(x);
    }
  }

  @Nested
  class MadRaw extends OrderStatistic {
    @Override
    protected String functionName() {
      return "MAD_RAW";
    }

    @Override
    Object[] constants() {
      return new Object[0];
    }

    @Override
    double compute(double[] x) {
      return Reference.madRaw(x);
    }
  }

  @Nested
  class PatLo extends OrderStatistic {
    @Override
    protected String functionName() {
      return "PAT_LO";
    }

    @Override
    Object[] constants() {
      return new Object[] {6.0, 14.0, 3.0};
    }

    @Override
    double compute(double[] x) {
      double rs = Reference.patSigma(x);
      return Math.max(6.0, Reference.quantile7(x, 0.5) - 3 * rs);
    }
  }

  @Nested
  class PatHi extends OrderStatistic {
    @Override
    protected String functionName() {
      return "PAT_HI";
    }

    @Override
    Object[] constants() {
      return new Object[] {null, null};
    }

    @Override
    double compute(double[] x) {
      double rs = Reference.patSigma(x);
      return Reference.quantile7(x, 0.5) + 6 * rs;
    }
  }

  @Nested
  class CpkRobust extends OrderStatistic {
    @Override
    protected String functionName() {
      return "CPK_ROBUST";
    }

    @Override
    Object[] constants() {
      return new Object[] {7.0, 14.0};
    }

    @Override
    protected Object reference(List<List<Object>> rows) {
      double[] x = Reference.xs(rows);
      return x.length < 2 ? null : compute(x);
    }

    @Override
    double compute(double[] x) {
      double q2 = Reference.quantile7(x, 0.5);
      double sigma = (Reference.quantile7(x, 0.75) - Reference.quantile7(x, 0.25)) / 1.34898;
      return Math.min(q2 - 7.0, 14.0 - q2) / (3 * sigma);
    }
  }
}
