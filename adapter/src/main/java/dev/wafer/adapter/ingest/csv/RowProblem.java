package dev.wafer.adapter.ingest.csv;

import java.util.List;

/**
 * Why a CSV row cannot be ingested: the wrong number of fields, or a value that does not parse
 * as its column's type.
 *
 * @param field the column concerned, or null for the whole row
 */
record RowProblem(String field, String reason) {
  /** The first problem of a row, or null when it is good. */
  static RowProblem of(List<String> fields, List<String> names, CsvType[] types) {
    if (fields.size() != names.size()) {
      return new RowProblem(null, "expected " + names.size() + " fields, found " + fields.size());
    }
    for (int c = 0; c < types.length; c++) {
      CsvType t = types[c];
      String v = fields.get(c);
      if (t != null && !v.isEmpty() && !t.accepts(v)) {
        return new RowProblem(names.get(c), "cannot read '" + abbreviate(v) + "' as " + t);
      }
    }
    return null;
  }

  private static String abbreviate(String v) {
    return v.length() <= 40 ? v : v.substring(0, 37) + "...";
  }
}
