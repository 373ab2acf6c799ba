package dev.wafer.sql.agg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Random queries over {@link AggData}'s table for the property tests, mostly GROUP BYs: one or two
 * keys of every kind, a few calls, and a random WHERE clause (comparisons, NULL tests, IN lists, dictionary
 * values present or not, AND/OR/NOT), often testing a group key itself so that whole keys, NULL
 * among them, drop out of some batches.
 */
final class RandomGroupingQueries {
  private static final String[] KEYS = {"wafer", "lot", "test_name", "hard_bin", "site", "passed", "big", "label",
      "floor(ts to hour)", "test_date", "device_id", "test_day"};
  private static final String[] CALLS = {"count(*)", "sum(test_time)", "min(measured)", "max(big)", "count(label)",
      "avg(test_time)", "count(measured)", "max(ts)", "min(label)", "sum(wafer)"};

  private RandomGroupingQueries() {}

  /**
   * One query drawn from {@code rnd}: mostly a GROUP BY, else a global aggregate or the filtered
   * rows themselves (the row scan's selection).
   */
  static String next(Random rnd) {
    List<String> keys = new ArrayList<>();
    int k = 1 + rnd.nextInt(2);
    while (keys.size() < k) {
      String key = KEYS[rnd.nextInt(KEYS.length)];
      if (!keys.contains(key)) {
        keys.add(key);
      }
    }
    List<String> calls = new ArrayList<>();
    for (int c = 1 + rnd.nextInt(3); c > 0; c--) {
      calls.add(CALLS[rnd.nextInt(CALLS.length)]);
    }
    String where = " from results where " + filter(rnd, keys, 2);
    int shape = rnd.nextInt(5);
    if (shape == 0) {
      return "select " + String.join(", ", calls) + where;
    }
    if (shape == 1) {
      return "select " + String.join(", ", keys) + ", measured, label" + where;
    }
    String groupBy = String.join(", ", keys);
    return "select " + groupBy + ", " + String.join(", ", calls) + where + " group by " + groupBy;
  }

  private static String filter(Random rnd, List<String> keys, int depth) {
    int pick = rnd.nextInt(depth > 0 ? 10 : 7);
    if (pick >= 7) {
      String op = pick == 9 ? " or " : " and ";
      String f = "(" + filter(rnd, keys, depth - 1) + op + filter(rnd, keys, depth - 1) + ")";
      return rnd.nextInt(6) == 0 ? "not " + f : f;
    }
    if (pick < 2) {
      // a test of a group key itself: whole keys (NULL among them) drop out of some batches
      return keys.get(rnd.nextInt(keys.size())) + (pick == 0 ? " is not null" : " is null");
    }
    return term(rnd);
  }

  private static String term(Random rnd) {
    switch (rnd.nextInt(14)) {
      case 0: return "wafer < " + rnd.nextInt(13);
      case 1: return "wafer is null";
      case 2: return "wafer is not null";
      case 3: return String.format(Locale.ROOT, "measured > %.2f", rnd.nextDouble() * 3);
      case 4: return "label = 's" + rnd.nextInt(8) + "'";
      case 5: return "label is null";
      case 6: return "test_name in ('" + pickTest(rnd) + "', '" + pickTest(rnd) + "')";
      case 7: return "test_name = '" + (rnd.nextBoolean() ? "no_such_test" : pickTest(rnd)) + "'";
      case 8: return "test_name <> '" + (rnd.nextBoolean() ? "no_such_test" : pickTest(rnd)) + "'";
      case 9: return "not passed";
      case 10: return "passed is null";
      case 11: int lo = rnd.nextInt(1_000_000) - 500_000;
        return "big between " + lo + " and " + (lo + rnd.nextInt(400_000));
      case 12: return "hard_bin <> 1";
      default: return "site = " + rnd.nextInt(5);
    }
  }

  private static String pickTest(Random rnd) {
    String[] tests = {"vdd_leak", "idd_q", "freq_max", "cont", "vth"};
    return tests[rnd.nextInt(tests.length)];
  }
}
