package dev.wafer.adapter.exec;

import dev.wafer.adapter.agg.BatchColumns;
import dev.wafer.adapter.arrow.MappedArrowFile;
import dev.wafer.adapter.predicate.ColumnRange;
import dev.wafer.adapter.predicate.ScanPruning;
import java.io.IOException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;

/**
 * Turns slices of one loaded batch into Calcite values: resolves, once per batch, the vector (and
 * decoded dictionary) behind each scan column (output columns and predicate-only columns, which
 * the pushed predicate reads through {@link #vectors} and {@link #dictionaries}), then fills a
 * slice of the output columns column by column, from every row or from a selection — or hands
 * the same columns to a pushed aggregate as {@link BatchColumns}.
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
  /** Loaded vector per scan column; null where the value is a constant of the plan. */
  final FieldVector[] vectors;
  /** Decoded dictionary per scan column, for dictionary-encoded vectors. */
  final String[][] dictionaries;

  /** The record batch of an Arrow file (whose statistics {@link #range} reads), or -1. */
  private final int batch;

  /**
   * @param batch the record batch's index in an Arrow file with statistics, or -1 when the batch
   *     has none (Parquet)
   */
  RowSlicer(FilePlan plan, int batch, Vectors source, Dictionaries dicts) throws IOException {
    this.plan = plan;
    this.batch = batch;
    int n = plan.fileField.length;
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

  @Override
  public ColumnRange range(int column) {
    return batch < 0 ? null : ScanPruning.batchRange(plan.columns.get(column), plan.file, batch);
  }

  /**
   * Fills {@code columns[c]} with the values of output column c at batch rows {@code
   * positions[from ..]}, or {@code from ..} when {@code positions} is null.
   */
  void fill(int[] positions, int from, Object[][] columns) {
    for (int c = 0; c < plan.columnCount(); c++) {
      FieldVector v = vectors[c];
      if (v == null) {
        Object constant = plan.constants[c];
        if (constant != null) {
          java.util.Arrays.fill(columns[c], constant);
        }
      } else if (dictionaries[c] != null) {
        ColumnCopier.copyDictionary(v, dictionaries[c], positions, from, columns[c]);
      } else {
        ColumnCopier.copy(v, positions, from, columns[c]);
      }
    }
  }

  /** Decodes a dictionary vector handed out by a reader. */
  static String[] decode(FieldVector values) throws IOException {
    return MappedArrowFile.decodeStrings(values);
  }
}
