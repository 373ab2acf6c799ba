package dev.wafer.adapter.dataset;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.arrow.NullCounts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;

/**
 * Computes {@link ContainerStats} of a record batch by one pass over each column.
 *
 * <p>Dictionary-encoded columns are summarised by the dictionary values their indices use, so
 * their bounds are strings like those of a plain string column.
 */
public final class StatsCollector {
  private final DictionaryProvider dictionaries;

  public StatsCollector(DictionaryProvider dictionaries) {
    this.dictionaries = requireNonNull(dictionaries, "dictionaries");
  }

  /** Statistics of rows {@code [0, root.getRowCount())} of every column of {@code root}. */
  public ContainerStats collect(VectorSchemaRoot root) {
    Map<String, ColumnStats> cols = new LinkedHashMap<>();
    int rows = root.getRowCount();
    for (FieldVector v : root.getFieldVectors()) {
      cols.put(v.getName(), column(v, rows));
    }
    return new ContainerStats(rows, cols);
  }

  /** Statistics of rows {@code [0, rows)} of one vector. */
  public ColumnStats column(FieldVector v, int rows) {
    DictionaryEncoding enc = v.getField().getDictionary();
    if (enc != null) {
      return dictionaryColumn((BaseIntVector) v, rows, dictionaries.lookup(enc.getId()));
    }
    if (v instanceof Float8Vector f) {
      return doubles(f, rows);
    } else if (v instanceof Float4Vector f) {
      return floats(f, rows);
    } else if (v instanceof BaseIntVector i && !(v instanceof BitVector)) {
      return longs(i, rows);
    } else if (v instanceof DateDayVector d) {
      return dates(d, rows);
    } else if (v instanceof TimeStampVector t) {
      return timestamps(t, rows);
    } else if (v instanceof VarCharVector s) {
      return strings(s, rows);
    } else if (v instanceof BitVector b) {
      return booleans(b, rows);
    } else if (v instanceof DecimalVector d) {
      return decimals(d, rows);
    }
    return new ColumnStats(null, null, NullCounts.of(v), 0);
  }

  private static ColumnStats longs(BaseIntVector v, int rows) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    long nulls = 0;
    for (int i = 0; i < rows; i++) {
      if (v.isNull(i)) {
        nulls++;
        continue;
      }
      long x = v.getValueAsLong(i);
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    return nulls == rows ? ColumnStats.allNull(rows) : new ColumnStats(min, max, nulls, 0);
  }

  private static ColumnStats dates(DateDayVector v, int rows) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    long nulls = 0;
    for (int i = 0; i < rows; i++) {
      if (v.isNull(i)) {
        nulls++;
        continue;
      }
      long x = v.get(i);
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    return nulls == rows ? ColumnStats.allNull(rows) : new ColumnStats(min, max, nulls, 0);
  }

  private static ColumnStats timestamps(TimeStampVector v, int rows) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    long nulls = 0;
    for (int i = 0; i < rows; i++) {
      if (v.isNull(i)) {
        nulls++;
        continue;
      }
      long x = v.get(i);
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    return nulls == rows ? ColumnStats.allNull(rows) : new ColumnStats(min, max, nulls, 0);
  }

  private static ColumnStats doubles(Float8Vector v, int rows) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    long nulls = 0;
    long nans = 0;
    for (int i = 0; i < rows; i++) {
      if (v.isNull(i)) {
        nulls++;
        continue;
      }
      double x = v.get(i);
      if (Double.isNaN(x)) {
        nans++;
        continue;
      }
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    return nulls + nans == rows
        ? new ColumnStats(null, null, nulls, nans)
        : new ColumnStats(min, max, nulls, nans);
  }

  private static ColumnStats floats(Float4Vector v, int rows) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    long nulls = 0;
    long nans = 0;
    for (int i = 0; i < rows; i++) {
      if (v.isNull(i)) {
        nulls++;
        continue;
      }
      double x = v.get(i);
      if (Double.isNaN(x)) {
        nans++;
        continue;
      }
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    return nulls + nans == rows
        ? new ColumnStats(null, null, nulls, nans)
        : new ColumnStats(min, max, nulls, nans);
  }

  private static ColumnStats strings(VarCharVector v, int rows) {
    String min = null;
    String max = null;
    long nulls = 0;
    for (int i = 0; i < rows; i++) {
      if (v.isNull(i)) {
        nulls++;
        continue;
      }
      String s = new String(v.get(i), java.nio.charset.StandardCharsets.UTF_8);
      if (min == null || s.compareTo(min) < 0) {
        min = s;
      }
      if (max == null || s.compareTo(max) > 0) {
        max = s;
      }
    }
    return new ColumnStats(min, max, nulls, 0);
  }

  private static ColumnStats booleans(BitVector v, int rows) {
    boolean sawTrue = false;
    boolean sawFalse = false;
    long nulls = 0;
    for (int i = 0; i < rows; i++) {
      if (v.isNull(i)) {
        nulls++;
      } else if (v.get(i) != 0) {
        sawTrue = true;
      } else {
        sawFalse = true;
      }
    }
    if (!sawTrue && !sawFalse) {
      return ColumnStats.allNull(rows);
    }
    return new ColumnStats(!sawFalse, sawTrue, nulls, 0);
  }

  private static ColumnStats decimals(DecimalVector v, int rows) {
    java.math.BigDecimal min = null;
    java.math.BigDecimal max = null;
    long nulls = 0;
    for (int i = 0; i < rows; i++) {
      if (v.isNull(i)) {
        nulls++;
        continue;
      }
      java.math.BigDecimal x = v.getObject(i);
      if (min == null || x.compareTo(min) < 0) {
        min = x;
      }
      if (max == null || x.compareTo(max) > 0) {
        max = x;
      }
    }
    return new ColumnStats(min, max, nulls, 0);
  }

  private static ColumnStats dictionaryColumn(BaseIntVector indices, int rows, Dictionary dict) {
    VarCharVector values = (VarCharVector) dict.getVector();
    boolean[] used = new boolean[values.getValueCount()];
    long nulls = 0;
    for (int i = 0; i < rows; i++) {
      if (indices.isNull(i)) {
        nulls++;
      } else {
        used[(int) indices.getValueAsLong(i)] = true;
      }
    }
    String min = null;
    String max = null;
    for (int d = 0; d < used.length; d++) {
      if (!used[d] || values.isNull(d)) {
        continue;
      }
      String s = new String(values.get(d), java.nio.charset.StandardCharsets.UTF_8);
      if (min == null || s.compareTo(min) < 0) {
        min = s;
      }
      if (max == null || s.compareTo(max) > 0) {
        max = s;
      }
    }
    return new ColumnStats(min, max, nulls, 0);
  }
}
