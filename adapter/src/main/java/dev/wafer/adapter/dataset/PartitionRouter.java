package dev.wafer.adapter.dataset;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;

/**
 * Assigns every row of a batch to a partition: a dense ordinal per distinct partition directory
 * (for example {@code test_date=2024-01-03/wafer_id_bucket=2}), stable for the writer's life.
 */
final class PartitionRouter {
  private final List<PartitionField> fields;
  private final List<PartitionKeyer> keyers = new ArrayList<>();
  private final int bitsPerField;
  private final LongIntMap ordinals = new LongIntMap();
  private final List<String> paths = new ArrayList<>();
  private int[][] codes = new int[0][];

  PartitionRouter(PartitionSpec spec, DictionaryProvider dictionaries) {
    this.fields = spec.fields();
    for (PartitionField f : fields) {
      keyers.add(new PartitionKeyer(f, dictionaries));
    }
    this.bitsPerField = fields.isEmpty() ? 64 : 64 / fields.size();
  }

  /** Relative directory of a partition ordinal ("" when unpartitioned). */
  String path(int ordinal) {
    return paths.get(ordinal);
  }

  /** Fills {@code out[0..rowCount)} with each row's partition ordinal. */
  void route(VectorSchemaRoot batch, int[] out) {
    int rows = batch.getRowCount();
    if (fields.isEmpty()) {
      if (paths.isEmpty()) {
        paths.add("");
      }
      java.util.Arrays.fill(out, 0, rows, 0);
      return;
    }
    if (codes.length != fields.size() || codes[0].length < rows) {
      codes = new int[fields.size()][Math.max(rows, 1)];
    }
    for (int f = 0; f < fields.size(); f++) {
      keyers.get(f).codes(batch.getVector(fields.get(f).column()), rows, codes[f]);
    }
    long limit = bitsPerField >= 63 ? Long.MAX_VALUE : 1L << bitsPerField;
    for (int i = 0; i < rows; i++) {
      long key = 0;
      for (int f = 0; f < fields.size(); f++) {
        int c = codes[f][i];
        if (c >= limit) {
          throw new IllegalStateException("too many distinct values for partition key "
              + fields.get(f).key() + " combined with " + (fields.size() - 1) + " other keys");
        }
        key = (key << bitsPerField) | c;
      }
      int ordinal = ordinals.get(key);
      if (ordinal < 0) {
        ordinal = paths.size();
        paths.add(pathOf(i));
        ordinals.put(key, ordinal);
      }
      out[i] = ordinal;
    }
  }

  private String pathOf(int row) {
    StringBuilder sb = new StringBuilder();
    for (int f = 0; f < fields.size(); f++) {
      if (f > 0) {
        sb.append('/');
      }
      sb.append(fields.get(f).key()).append('=').append(keyers.get(f).value(codes[f][row]));
    }
    return sb.toString();
  }
}
