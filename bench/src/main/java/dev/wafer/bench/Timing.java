package dev.wafer.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Timed runs of one query on one engine: median, min and max in milliseconds. */
public record Timing(List<Double> millis) {
  public Timing {
    millis = List.copyOf(millis);
    if (millis.isEmpty()) {
      throw new IllegalArgumentException("no runs");
    }
  }

  private List<Double> sorted() {
    List<Double> s = new ArrayList<>(millis);
    Collections.sort(s);
    return s;
  }

  public double median() {
    List<Double> s = sorted();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  /** The nearest-rank quantile, {@code q} in (0, 1]. */
  public double quantile(double q) {
    if (!(q > 0 && q <= 1)) {
      throw new IllegalArgumentException("quantile " + q + " is not in (0, 1]");
    }
    List<Double> s = sorted();
    return s.get((int) Math.ceil(q * s.size()) - 1);
  }

  public double min() {
    return sorted().get(0);
  }

  public double max() {
    return sorted().get(millis.size() - 1);
  }
}
