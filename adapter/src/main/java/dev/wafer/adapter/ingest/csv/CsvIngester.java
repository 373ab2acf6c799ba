package dev.wafer.adapter.ingest.csv;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.dataset.RecordBatchSource;
import dev.wafer.adapter.ingest.CompressedInput;
import dev.wafer.adapter.ingest.FileIngester;
import dev.wafer.adapter.ingest.IngestException;
import dev.wafer.adapter.ingest.OnError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * CSV ingest: a header line names the columns; types are inferred from every value of the file
 * (see {@link CsvType}) unless {@link CsvOptions#types()} fixes them; an empty field is NULL.
 * Files are merged by column name, types widened (INTEGER to BIGINT to DOUBLE, DATE to
 * TIMESTAMP, anything else to VARCHAR); a column missing from a file reads as NULL there.
 */
public final class CsvIngester implements FileIngester<CsvScan> {
  private final CsvOptions options;

  public CsvIngester(CsvOptions options) {
    this.options = requireNonNull(options, "options");
  }

  CsvOptions options() {
    return options;
  }

  @Override
  public CsvScan scan(Path file, BufferAllocator allocator) throws IOException {
    try (CsvReader reader = new CsvReader(file, CompressedInput.open(file), options.encoding(),
        options.delimiter())) {
      List<String> names = header(file, reader);
      int n = names.size();
      CsvType[] fixed = new CsvType[n];
      for (int c = 0; c < n; c++) {
        fixed[c] = options.types().get(names.get(c));
      }
      for (String typed : options.types().keySet()) {
        if (!names.contains(typed)) {
          throw IngestException.atLine(file, 1, typed, "--schema names a column the header lacks; columns: " + names);
        }
      }
      boolean[][] possible = new boolean[n][CsvType.values().length];
      boolean[] seen = new boolean[n];
      for (boolean[] p : possible) {
        java.util.Arrays.fill(p, true);
      }
      long rows = 0;
      long skipped = 0;
      List<String> f;
      while ((f = reader.next()) != null) {
        RowProblem problem = RowProblem.of(f, names, fixed);
        if (problem != null) {
          if (options.onError() == OnError.FAIL) {
            throw IngestException.atLine(file, reader.line(), problem.field(), problem.reason());
          }
          skipped++;
          continue;
        }
        for (int c = 0; c < n; c++) {
          String v = f.get(c);
          if (fixed[c] == null && !v.isEmpty()) {
            seen[c] = true;
            for (CsvType t : CsvType.values()) {
              if (possible[c][t.ordinal()] && !t.accepts(v)) {
                possible[c][t.ordinal()] = false;
              }
            }
          }
        }
        rows++;
      }
      List<Field> fields = new ArrayList<>();
      for (int c = 0; c < n; c++) {
        CsvType t = fixed[c];
        if (t == null) {
          t = CsvType.VARCHAR;
          for (CsvType x : CsvType.values()) {
            if (seen[c] && possible[c][x.ordinal()]) {
              t = x;
              break;
            }
          }
        }
        fields.add(new Field(names.get(c), FieldType.nullable(t.arrow()), null));
      }
      return new CsvScan(file, rows, skipped, new Schema(fields), names);
    }
  }

  /** The header's column names: trimmed, a BOM dropped, blanks named column_N, no duplicates. */
  static List<String> header(Path file, CsvReader reader) throws IOException {
    List<String> h = reader.next();
    if (h == null) {
      throw IngestException.ofFile(file, "empty file: no header line", null);
    }
    List<String> names = new ArrayList<>();
    Set<String> unique = new HashSet<>();
    for (int i = 0; i < h.size(); i++) {
      String name = h.get(i).trim();
      if (i == 0 && name.startsWith("\uFEFF")) {
        name = name.substring(1);
      }
      if (name.isEmpty()) {
        name = "column_" + (i + 1);
      }
      if (!unique.add(name)) {
        throw IngestException.atLine(file, reader.line(), name, "column name appears twice in the header");
      }
      names.add(name);
    }
    return names;
  }

  @Override
  public Schema merge(Schema merged, CsvScan scan) throws IngestException {
    if (merged == null) {
      return scan.schema();
    }
    List<Field> out = new ArrayList<>(merged.getFields());
    for (Field f : scan.schema().getFields()) {
      int at = -1;
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i).getName().equals(f.getName())) {
          at = i;
        }
      }
      if (at < 0) {
        out.add(f);
      } else {
        CsvType t = CsvType.widen(CsvType.of(out.get(at).getType()), CsvType.of(f.getType()));
        out.set(at, new Field(f.getName(), FieldType.nullable(t.arrow()), null));
      }
    }
    return new Schema(out);
  }

  @Override
  public RecordBatchSource open(CsvScan scan, Schema target, BufferAllocator allocator)
      throws IOException {
    return new CsvSource(scan.file(), options, target, allocator);
  }
}
