package dev.wafer.adapter.exec;

import dev.wafer.adapter.arrow.MappedArrowFile;
import java.io.IOException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;

/**
 * Turns slices of one loaded batch into Calcite values: resolves, once per batch, the vector (and
 * decoded dictionary) behind each output column, then fills a slice column by column.
 */
final class RowSlicer {
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

  /** Fills {@code columns[c]} with the values of output column c at batch rows {@code from…}. */
  void fill(int from, Object[][] columns) {
    for (int c = 0; c < vectors.length; c++) {
      FieldVector v = vectors[c];
      if (v == null) {
        Object constant = plan.constants[c];
        if (constant != null) {
          java.util.Arrays.fill(columns[c], constant);
        }
      } else if (dictionaries[c] != null) {
        ColumnCopier.copyDictionary(v, dictionaries[c], from, columns[c]);
      } else {
        ColumnCopier.copy(v, from, columns[c]);
      }
    }
  }

  /** Decodes a dictionary vector handed out by a reader. */
  static String[] decode(FieldVector values) throws IOException {
    return MappedArrowFile.decodeStrings(values);
  }
}
