package dev.wafer.functions.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Arrow vectors built from argument rows for tests: one vector per column, typed by the first
 * non-NULL value (Double/other numbers → FLOAT8, Long/Integer → BIGINT, Boolean → BIT,
 * String → VARCHAR; an all-NULL column is FLOAT8). Closing frees them.
 */
public final class Batch implements AutoCloseable {
  private final FieldVector[] vectors;

  private Batch(FieldVector[] vectors) {
    this.vectors = vectors;
  }

  /** Vectors holding {@code rows} (each row has {@code arity} values). */
  public static Batch of(BufferAllocator allocator, List<? extends List<Object>> rows, int arity) {
    return of(allocator, rows, java.util.Collections.nCopies(arity, null));
  }

  /**
   * Vectors holding {@code rows}, typed by {@code template} (a row of sample values) where a
   * column has no non-NULL value, as a schema would type it.
   */
  public static Batch of(BufferAllocator allocator, List<? extends List<Object>> rows, List<Object> template) {
    int arity = template.size();
    FieldVector[] vs = new FieldVector[arity];
    try {
      for (int c = 0; c < arity; c++) {
        vs[c] = column(allocator, "arg" + c, rows, c, template.get(c));
      }
    } catch (RuntimeException e) {
      for (FieldVector v : vs) {
        if (v != null) {
          v.close();
        }
      }
      throw e;
    }
    return new Batch(vs);
  }

  /** A one-value vector standing for a constant argument. */
  public static FieldVector constant(BufferAllocator allocator, String name, Object value) {
    return column(allocator, name, List.of(java.util.Collections.singletonList(value)), 0, null);
  }

  public ValueVector[] vectors() {
    return vectors.clone();
  }

  private static FieldVector column(BufferAllocator allocator, String name, List<? extends List<Object>> rows, int c,
      Object fallback) {
    Object sample = fallback;
    for (List<Object> row : rows) {
      if (row.get(c) != null) {
        sample = row.get(c); // the data's own type wins over the template's
        break;
      }
    }
    int n = rows.size();
    if (sample instanceof Boolean) {
      BitVector v = new BitVector(name, allocator);
      v.allocateNew(n);
      for (int i = 0; i < n; i++) {
        Object o = rows.get(i).get(c);
        if (o != null) {
          v.set(i, (Boolean) o ? 1 : 0);
        }
      }
      v.setValueCount(n);
      return v;
    }
    if (sample instanceof Long || sample instanceof Integer) {
      BigIntVector v = new BigIntVector(name, allocator);
      v.allocateNew(n);
      for (int i = 0; i < n; i++) {
        Object o = rows.get(i).get(c);
        if (o != null) {
          v.set(i, ((Number) o).longValue());
        }
      }
      v.setValueCount(n);
      return v;
    }
    if (sample instanceof String) {
      VarCharVector v = new VarCharVector(name, allocator);
      v.allocateNew(n);
      for (int i = 0; i < n; i++) {
        Object o = rows.get(i).get(c);
        if (o != null) {
          v.setSafe(i, ((String) o).getBytes(StandardCharsets.UTF_8));
        }
      }
      v.setValueCount(n);
      return v;
    }
    Float8Vector v = new Float8Vector(name, allocator);
    v.allocateNew(n);
    for (int i = 0; i < n; i++) {
      Object o = rows.get(i).get(c);
      if (o != null) {
        v.set(i, ((Number) o).doubleValue());
      }
    }
    v.setValueCount(n);
    return v;
  }

  @Override
  public void close() {
    for (FieldVector v : vectors) {
      v.close();
    }
  }
}
