package dev.wafer.adapter.testing;

import dev.wafer.adapter.dataset.ContainerStats;
import dev.wafer.adapter.dataset.FileStats;
import dev.wafer.adapter.dataset.StatsCodec;
import dev.wafer.adapter.dataset.StatsCollector;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes small Arrow IPC files for tests with plain {@link ArrowFileWriter}: Java values (Number,
 * Boolean, LocalDate, LocalDateTime, BigDecimal, String, null) in rows, dictionary-encoded string
 * columns, record batches of a chosen size, and optionally Wafer's footer statistics.
 */
public final class ArrowTestWriter {
  private ArrowTestWriter() {}

  /** Writes {@code rows} to {@code file} in batches of {@code batchRows}. */
  public static void write(Path file, List<TestColumn> columns, List<Object[]> rows, int batchRows,
      boolean withStats) throws IOException {
    Files.createDirectories(file.getParent());
    try (BufferAllocator allocator = new RootAllocator()) {
      DictionaryProvider.MapDictionaryProvider provider = new DictionaryProvider.MapDictionaryProvider();
      List<Field> fields = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        TestColumn col = columns.get(c);
        if (col.dictionary()) {
          DictionaryEncoding enc = new DictionaryEncoding(c, false, new ArrowType.Int(32, true));
          VarCharVector values = new VarCharVector(col.name() + "_dict", allocator);
          TreeSet<String> distinct = new TreeSet<>();
          for (Object[] r : rows) {
            if (r[c] != null) {
              distinct.add((String) r[c]);
            }
          }
          int i = 0;
          for (String s : distinct) {
            values.setSafe(i++, s.getBytes(StandardCharsets.UTF_8));
          }
          values.setValueCount(i);
          provider.put(new Dictionary(values, enc));
          fields.add(new Field(col.name(), new FieldType(true, enc.getIndexType(), enc), null));
        } else {
          fields.add(Field.nullable(col.name(), col.type()));
        }
      }
      List<ContainerStats> batchStats = new ArrayList<>();
      try (VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator)) {
        // first pass computes statistics per batch (the footer is written at close, but the
        // metadata map is passed to the constructor, so the batches are built twice)
        StatsCollector stats = new StatsCollector(provider);
        for (int from = 0; from < rows.size(); from += batchRows) {
          fill(root, provider, columns, rows, from, Math.min(rows.size(), from + batchRows));
          batchStats.add(stats.collect(root));
        }
        Map<String, String> metadata = Map.of();
        if (withStats && !batchStats.isEmpty()) {
          ContainerStats all = batchStats.get(0);
          for (int b = 1; b < batchStats.size(); b++) {
            all = all.merge(batchStats.get(b));
          }
          metadata = Map.of(FileStats.FOOTER_KEY, StatsCodec.encode(new FileStats(all, batchStats)));
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
            ArrowFileWriter writer = new ArrowFileWriter(root, provider, ch, metadata)) {
          writer.start();
          for (int from = 0; from < rows.size(); from += batchRows) {
            fill(root, provider, columns, rows, from, Math.min(rows.size(), from + batchRows));
            writer.writeBatch();
          }
          writer.end();
        }
      } finally {
        for (long id : provider.getDictionaryIds()) {
          provider.lookup(id).getVector().close();
        }
      }
    }
  }

  private static void fill(VectorSchemaRoot root, DictionaryProvider provider, List<TestColumn> columns,
      List<Object[]> rows, int from, int to) {
    root.allocateNew();
    for (int c = 0; c < columns.size(); c++) {
      FieldVector v = root.getVector(c);
      List<String> dict = null;
      if (columns.get(c).dictionary()) {
        VarCharVector values = (VarCharVector) provider.lookup(c).getVector();
        dict = new ArrayList<>();
        for (int i = 0; i < values.getValueCount(); i++) {
          dict.add(new String(values.get(i), StandardCharsets.UTF_8));
        }
      }
      for (int r = from; r < to; r++) {
        Object value = rows.get(r)[c];
        int i = r - from;
        if (value == null) {
          v.setNull(i);
        } else if (dict != null) {
          ((IntVector) v).setSafe(i, dict.indexOf(value));
        } else {
          set(v, i, value);
        }
      }
      v.setValueCount(to - from);
    }
    root.setRowCount(to - from);
  }

  private static void set(FieldVector v, int i, Object value) {
    if (v instanceof TinyIntVector x) {
      x.setSafe(i, ((Number) value).byteValue());
    } else if (v instanceof SmallIntVector x) {
      x.setSafe(i, ((Number) value).shortValue());
    } else if (v instanceof IntVector x) {
      x.setSafe(i, ((Number) value).intValue());
    } else if (v instanceof BigIntVector x) {
      x.setSafe(i, ((Number) value).longValue());
    } else if (v instanceof Float4Vector x) {
      x.setSafe(i, ((Number) value).floatValue());
    } else if (v instanceof Float8Vector x) {
      x.setSafe(i, ((Number) value).doubleValue());
    } else if (v instanceof BitVector x) {
      x.setSafe(i, (Boolean) value ? 1 : 0);
    } else if (v instanceof DateDayVector x) {
      x.setSafe(i, (int) ((LocalDate) value).toEpochDay());
    } else if (v instanceof TimeStampMilliVector x) {
      x.setSafe(i, ((LocalDateTime) value).toInstant(ZoneOffset.UTC).toEpochMilli());
    } else if (v instanceof TimeStampMicroVector x) {
      var t = ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
      x.setSafe(i, t.getEpochSecond() * 1_000_000 + t.getNano() / 1000);
    } else if (v instanceof DecimalVector x) {
      x.setSafe(i, (BigDecimal) value);
    } else if (v instanceof UInt4Vector x) {
      x.setSafe(i, ((Number) value).intValue());
    } else if (v instanceof VarCharVector x) {
      x.setSafe(i, ((String) value).getBytes(StandardCharsets.UTF_8));
    } else {
      throw new IllegalArgumentException("unsupported test vector " + v.getClass().getSimpleName());
    }
  }
}
