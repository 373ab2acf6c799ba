package dev.wafer.adapter.dataset;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;

/**
 * Turns the values of one partition field's column into dense codes, one per distinct directory
 * value, so routing a row costs a primitive lookup rather than building a path string.
 *
 * <p>Each row first gets a primitive raw key (dictionary index, epoch day, month number, bucket,
 * integer value); raw keys map to codes through a {@link LongIntMap}, and each code's directory
 * value is formatted once.
 */
final class PartitionKeyer {
  private static final long NULL_RAW = Long.MIN_VALUE;
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final PartitionField field;
  private final DictionaryProvider dictionaries;
  private final LongIntMap codes = new LongIntMap();
  private final List<String> values = new ArrayList<>();
  /** Only for identity partitions of plain (not dictionary) strings. */
  private final Map<String, Long> stringIds = new HashMap<>();
  private int[] dictionaryBuckets;

  PartitionKeyer(PartitionField field, DictionaryProvider dictionaries) {
    this.field = field;
    this.dictionaries = dictionaries;
  }

  /** Directory value (escaped) of a code. */
  String value(int code) {
    return values.get(code);
  }

  /** Fills {@code out[0..rows)} with the codes of the rows of {@code v}. */
  void codes(FieldVector v, int rows, int[] out) {
    DictionaryEncoding enc = v.getField().getDictionary();
    long lastRaw = 0;
    int lastCode = -1;
    for (int i = 0; i < rows; i++) {
      long raw = v.isNull(i) ? NULL_RAW : raw(v, enc, i);
      if (raw != lastRaw || lastCode < 0) {
        lastCode = code(raw, v, enc, i);
        lastRaw = raw;
      }
      out[i] = lastCode;
    }
  }

  private int code(long raw, FieldVector v, DictionaryEncoding enc, int row) {
    int c = codes.get(raw);
    if (c < 0) {
      c = values.size();
      values.add(raw == NULL_RAW ? PartitionValues.NULL_VALUE : format(raw, v, enc, row));
      codes.put(raw, c);
    }
    return c;
  }

  private long raw(FieldVector v, DictionaryEncoding enc, int i) {
    PartitionTransform t = field.transform();
    if (enc != null) {
      int index = (int) ((BaseIntVector) v).getValueAsLong(i);
      if (t instanceof PartitionTransform.Hash h) {
        return dictionaryBucket(enc, index, h.buckets());
      }
      return index;
    }
    if (t instanceof PartitionTransform.Identity) {
      if (v instanceof VarCharVector s) {
        String str = new String(s.get(i), StandardCharsets.UTF_8);
        return stringIds.computeIfAbsent(str, k -> (long) stringIds.size());
      }
      if (v instanceof BitVector b) {
        return b.get(i);
      }
      return longValue(v, i);
    }
    if (t instanceof PartitionTransform.Day) {
      return epochDay(v, i);
    }
    if (t instanceof PartitionTransform.Month) {
      java.time.LocalDate d = java.time.LocalDate.ofEpochDay(epochDay(v, i));
      return d.getYear() * 12L + d.getMonthValue() - 1;
    }
    if (t instanceof PartitionTransform.Range r) {
      double x = v instanceof FloatingPointVector f ? f.getValueAsDouble(i) : longValue(v, i);
      return r.bucket(x);
    }
    PartitionTransform.Hash h = (PartitionTransform.Hash) t;
    if (v instanceof VarCharVector s) {
      byte[] b = s.get(i);
      return BucketHash.bucket(BucketHash.hashBytes(b, 0, b.length), h.buckets());
    }
    return BucketHash.bucket(BucketHash.hashLong(longValue(v, i)), h.buckets());
  }

  private String format(long raw, FieldVector v, DictionaryEncoding enc, int row) {
    PartitionTransform t = field.transform();
    if (t instanceof PartitionTransform.Hash) {
      return Long.toString(raw);
    }
    if (t instanceof PartitionTransform.Range r) {
      return raw == 0 ? "min" : PartitionValues.formatNumber(r.bounds()[(int) raw - 1]);
    }
    if (t instanceof PartitionTransform.Day) {
      return PartitionValues.formatDate(raw);
    }
    if (t instanceof PartitionTransform.Month) {
      return String.format("%04d-%02d", raw / 12, raw % 12 + 1);
    }
    // identity
    if (enc != null) {
      return PartitionValues.escape(dictionaryValue(enc, raw));
    }
    if (v instanceof VarCharVector s) {
      return PartitionValues.escape(new String(s.get(row), StandardCharsets.UTF_8));
    }
    if (v instanceof BitVector) {
      return raw != 0 ? "true" : "false";
    }
    if (v instanceof DateDayVector) {
      return PartitionValues.formatDate(raw);
    }
    return Long.toString(raw);
  }

  /** Bucket of a dictionary entry, hashed once per entry rather than once per row. */
  private long dictionaryBucket(DictionaryEncoding enc, int index, int buckets) {
    if (dictionaryBuckets == null) {
      dictionaryBuckets = new int[dictionaries.lookup(enc.getId()).getVector().getValueCount()];
      java.util.Arrays.fill(dictionaryBuckets, -1);
    }
    int b = dictionaryBuckets[index];
    if (b < 0) {
      b = BucketHash.bucket(BucketHash.hashString(dictionaryValue(enc, index)), buckets);
      dictionaryBuckets[index] = b;
    }
    return b;
  }

  private String dictionaryValue(DictionaryEncoding enc, long index) {
    VarCharVector dict = (VarCharVector) dictionaries.lookup(enc.getId()).getVector();
    return new String(dict.get((int) index), StandardCharsets.UTF_8);
  }

  private static long longValue(FieldVector v, int i) {
    if (v instanceof BaseIntVector b) {
      return b.getValueAsLong(i);
    }
    if (v instanceof DateDayVector d) {
      return d.get(i);
    }
    if (v instanceof TimeStampVector t) {
      return t.get(i);
    }
    throw new IllegalStateException("unsupported partition column type " + v.getField());
  }

  private static long epochDay(FieldVector v, int i) {
    if (v instanceof DateDayVector d) {
      return d.get(i);
    }
    TimeStampVector t = (TimeStampVector) v;
    long perDay = switch (((ArrowType.Timestamp) v.getField().getType()).getUnit()) {
      case SECOND -> 86_400L;
      case MILLISECOND -> MILLIS_PER_DAY;
      case MICROSECOND -> MILLIS_PER_DAY * 1000;
      case NANOSECOND -> MILLIS_PER_DAY * 1_000_000;
    };
    return Math.floorDiv(t.get(i), perDay);
  }
}
