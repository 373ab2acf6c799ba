package dev.wafer.functions.testing;

import static org.assertj.core.api.Assertions.assertThat;

/** Result comparison for tests: doubles within a relative tolerance (absolute near zero), the rest exactly. */
public final class Results {
  private Results() {}

  /** Asserts {@code actual} equals {@code expected} within {@code tolerance} · max(1, |expected|) for doubles. */
  public static void assertClose(String what, Object expected, Object actual, double tolerance) {
    if (expected instanceof Double e && actual instanceof Number a) {
      double av = a.doubleValue();
      if (e.isInfinite() || e.isNaN()) {
        assertThat(av).as(what).isEqualTo(e);
      } else {
        assertThat(av).as(what).isCloseTo(e, org.assertj.core.data.Offset.offset(tolerance * Math.max(1, Math.abs(e))));
      }
      return;
    }
    assertThat(actual).as(what).isEqualTo(expected);
  }
}
