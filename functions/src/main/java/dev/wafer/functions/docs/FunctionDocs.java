package dev.wafer.functions.docs;

import static java.util.Objects.requireNonNull;

import dev.wafer.functions.Example;
import dev.wafer.functions.FunctionKind;
import dev.wafer.functions.FunctionMetadata;
import dev.wafer.functions.FunctionRegistry;
import dev.wafer.functions.Signature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Renders {@code docs/functions.md} from the functions' metadata, so the reference is generated
 * rather than copied. A test fails when the committed file differs; regenerate with
 * {@code mvn -pl functions test -Dtest=FunctionDocsTest -Dwafer.docs.write=true} or this class's
 * {@link #main(String[])}.
 */
public final class FunctionDocs {
  private static final String INTRO = """
      # Wafer SQL functions

      Generated from the functions' metadata by `dev.wafer.functions.docs.FunctionDocs`; do not edit by
      hand (a test checks the file is in sync, and every example below is executed by a test).

      ## Conventions shared by all functions

      - **σ** is the **sample** standard deviation (n − 1) unless a name says otherwise.
      - **Quantiles** are Hyndman–Fan **type 7** (h = (n − 1)p, linear interpolation: R, NumPy and
        Excel PERCENTILE.INC); `PERCENTILE(x, p, 6)` offers type 6.
      - **NULL** measurements are ignored, as in SQL aggregates; **NaN** measurements are ignored too
        (testers write NaN for "not measured"). A group with no value gives NULL (APPROX_COUNT_DISTINCT: 0).
      - **Spec limits** that are NULL or ±Infinity mean "no limit on that side".
      - **Constant arguments** of aggregates (limits, p, k) are per-group constants: the first non-NULL
        value in the group is used.
      - **Parallel execution**: every aggregate gives the same answer in one thread or merged from
        partial states (to 1e-9 relative; the approximate functions within their sketch error).
      - Edge cases (σ = 0, n < 2, missing limits, all NULL) give the documented value, never an error.

      ## Recipes

      Per-test summary in one query:

      ```sql
      SELECT test_id, COUNT(*) AS n, AVG(value) AS mean, MEDIAN(value) AS median,
             CPK(value, lsl, usl) AS cpk, CPK_ROBUST(value, lsl, usl) AS cpk_robust,
             PAT_LO(value, lsl, usl) AS pat_lo, PAT_HI(value, lsl, usl) AS pat_hi, YIELD(passed) AS yield
      FROM test_results JOIN specs USING (test_id)
      GROUP BY test_id
      ```

      Dynamic PAT per wafer over passing parts: `GROUP BY lot_id, wafer_id, test_id` with `WHERE passed`.

      Z-score outlier flags against the whole population (not per partition):

      ```sql
      SELECT part_id, ZSCORE_OUTLIER(value, AVG(value) OVER w, STDDEV_SAMP(value) OVER w, 6) AS outlier
      FROM test_results WINDOW w AS (PARTITION BY test_id)
      ```

      Tester drift:

      ```sql
      SELECT tester_id, ts, CUSUM_SIGNAL(value, 10, 1) OVER (PARTITION BY tester_id ORDER BY ts) AS alarm
      FROM test_results WHERE test_id = 1001
      ```
      """;

  private FunctionDocs() {}

  /** The whole Markdown document for the functions of {@code registry}. */
  public static String render(FunctionRegistry registry) {
    requireNonNull(registry, "registry is null");
    StringBuilder md = new StringBuilder(INTRO);
    for (FunctionKind kind : List.of(FunctionKind.AGGREGATE, FunctionKind.SCALAR, FunctionKind.RUNNING)) {
      List<FunctionMetadata> functions = registry.functions().stream().filter(f -> f.kind() == kind).toList();
      if (functions.isEmpty()) {
        continue;
      }
      md.append("\n## ").append(title(kind)).append("\n\n");
      for (FunctionMetadata f : functions) {
        md.append("- [").append(f.name()).append("](#").append(f.name().toLowerCase(Locale.ROOT)).append(") — ")
            .append(f.description()).append('\n');
      }
      for (FunctionMetadata f : functions) {
        renderFunction(md, f);
      }
    }
    return md.toString();
  }

  private static void renderFunction(StringBuilder md, FunctionMetadata f) {
    md.append("\n### ").append(f.name()).append("\n\n").append(f.description()).append("\n\n");
    if (!f.aliases().isEmpty()) {
      md.append("Aliases: ").append(String.join(", ", f.aliases())).append("\n\n");
    }
    md.append("```\n");
    for (Signature s : f.signatures()) {
      md.append(s.render(f.name())).append('\n');
    }
    md.append("```\n\n");
    md.append("- **Definition:** ").append(f.definition()).append('\n');
    md.append("- **Conventions:** ").append(f.conventions()).append('\n');
    for (Example e : f.examples()) {
      md.append("- **Example:** `").append(e.call()).append("` → `").append(format(e.result())).append("`\n");
    }
  }

  private static String title(FunctionKind kind) {
    return switch (kind) {
      case AGGREGATE -> "Aggregate functions";
      case SCALAR -> "Scalar functions";
      case RUNNING -> "Running (ordered window) functions";
    };
  }

  private static String format(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof Double d) {
      return d == Math.rint(d) && !d.isInfinite() ? String.valueOf(d.longValue())
          : String.format(Locale.ROOT, "%.6f", d).replaceAll("0+$", "");
    }
    return String.valueOf(value).toUpperCase(Locale.ROOT);
  }

  /** Writes the document for the classpath's functions to {@code args[0]} (default docs/functions.md). */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/functions.md");
    Files.writeString(out, render(FunctionRegistry.classpath()), StandardCharsets.UTF_8);
  }
}
