package dev.wafer.adapter.exec;

import dev.wafer.adapter.agg.BatchColumns;
import dev.wafer.adapter.arrow.MappedArrowFile;
import java.io.IOException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;

/**
 * Turns slices of one loaded batch into rows: resolves, once per batch, the vector (and decoded
 * dictionary) behind each output column, then fills row slices column by column — or hands the
 * same columns to a pushed aggregate as {@link BatchColumns}.
 */
final class RowSlicer implements BatchColumns {
  /** The loaded vector of a file field. */
  interface Vectors {
    FieldVector vector(int field);
  }

  /** The decoded dictionary with an id. */
  interface Dictionaries {
    String[] get(long id) throws IOException;
  }

  private final FilePlan plan;
  private final FieldVector[] vectors;
  private final String[][] dictionaries;

  RowSlicer(FilePlan plan, Vectors source, Dictionaries dicts) throws IOException {
    this.plan = plan;
    int n = plan.columnCount();
    vectors = new FieldVector[n];
    dictionaries = new String[n][];
    for (int c = 0; c < n; c++) {
      if (plan.fileField[c] < 0) {
        continue;
      }
      FieldVector v = source.vector(plan.fileField[c]);
      if (v == null) {
        throw new IOException("column " + plan.fileField[c] + " was not loaded");
      }
      vectors[c] = v;
      DictionaryEncoding enc = v.getField().getDictionary();
      if (enc != null) {
        dictionaries[c] = dicts.get(enc.getId());
      }
    }
  }

  @Override
  public FieldVector vector(int column) {
    return vectors[column];
  }

  @Override
  public Object constant(int column) {
    return plan.constants[column];
  }

  @Override
  public String[] dictionary(int column) {
    return dictionaries[column];
  }

  /** Fills {@code rows} with batch rows {@code [from, from + rows.length)}. */
  void fill(int from, Object[][] rows) {
    for (int c = 0; c < vectors.length; c++) {
      FieldVector v = vectors[c];
      if (v == null) {
        Object constant = plan.constants[c];
        if (constant != null) {
          for (Object[] row : rows) {
            row[c] = constant;
          }
        }
      } else if (dictionaries[c] != null) {
        ColumnCopier.copyDictionary(v, dictionaries[c], from, rows, c);
      } else {
        ColumnCopier.copy(v, from, rows, c);
      }
    }
  }

  /** Decodes a dictionary vector handed out by a reader. */
  static String[] decode(FieldVector values) throws IOException {
    return MappedArrowFile.decodeStrings(values);
  }
}
