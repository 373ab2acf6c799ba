package dev.wafer.sql.server;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses every statement that is not a query before it reaches the engine: the server is
 * read-only. A statement may start (after comments and opening parentheses) only with {@code
 * SELECT}, {@code WITH}, {@code VALUES}, {@code EXPLAIN} or {@code DESCRIBE}, and may not contain
 * the keyword {@code INTO} outside string literals and quoted identifiers (Tableau probes for
 * temporary tables with {@code SELECT * INTO "#Tableau_…" FROM …}). The refusal is an ordinary
 * {@link SQLException} with SQLSTATE {@value #SQLSTATE} (read-only transaction), which BI tools
 * take as "capability not supported" and move on.
 */
public final class ReadOnlyGuard {
  /** SQLSTATE of a refused statement: "read-only SQL transaction". */
  public static final String SQLSTATE = "25006";

  private static final Set<String> QUERY_STARTS = Set.of("SELECT", "WITH", "VALUES", "EXPLAIN", "DESCRIBE");

  private ReadOnlyGuard() {}

  /**
   * Throws when {@code sql} is not a read-only query.
   *
   * @throws SQLException naming the refused statement kind
   */
  public static void check(String sql) throws SQLException {
    requireNonNull(sql, "sql");
    SqlWords words = new SqlWords(sql);
    String first = words.next();
    if (first == null) {
      throw new SQLException("empty statement", "42000");
    }
    String upper = first.toUpperCase(Locale.ROOT);
    if (!QUERY_STARTS.contains(upper)) {
      throw refuse(upper);
    }
    for (String w = words.next(); w != null; w = words.next()) {
      if (w.equalsIgnoreCase("INTO")) {
        throw refuse(upper + " … INTO");
      }
    }
  }

  private static SQLException refuse(String kind) {
    return new SQLException("Wafer server is read-only: " + kind + " statements are not allowed"
        + " (only SELECT, WITH, VALUES, EXPLAIN and DESCRIBE)", SQLSTATE);
  }

  /**
   * The bare words of a statement in order: skips comments, string literals, quoted identifiers,
   * punctuation and numbers, so a keyword inside a literal or a quoted name is never seen.
   */
  static final class SqlWords {
    private final String s;
    private int i;

    SqlWords(String s) {
      this.s = s;
    }

    /** The next bare word, or null at the end. */
    String next() {
      int n = s.length();
      while (i < n) {
        char c = s.charAt(i);
        if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
          int eol = s.indexOf('\n', i);
          i = eol < 0 ? n : eol + 1;
        } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
          int end = s.indexOf("*/", i + 2);
          i = end < 0 ? n : end + 2;
        } else if (c == '\'' || c == '"' || c == '`') {
          skipQuoted(c);
        } else if (c == '[') {
          int end = s.indexOf(']', i);
          i = end < 0 ? n : end + 1;
        } else if (Character.isLetter(c) || c == '_') {
          int start = i;
          while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
            i++;
          }
          return s.substring(start, i);
        } else if (Character.isDigit(c)) {
          while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
          }
        } else {
          i++;
        }
      }
      return null;
    }

    /** Skips a quoted run; a doubled quote inside it is an escaped quote. */
    private void skipQuoted(char q) {
      int n = s.length();
      i++;
      while (i < n) {
        if (s.charAt(i) == q) {
          if (i + 1 < n && s.charAt(i + 1) == q) {
            i += 2;
            continue;
          }
          i++;
          return;
        }
        i++;
      }
    }
  }
}
