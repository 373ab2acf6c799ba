package dev.wafer.adapter.predicate;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.arrow.NullCounts;
import dev.wafer.adapter.exec.Selection;
import dev.wafer.adapter.predicate.ScanPredicate.And;
import dev.wafer.adapter.predicate.ScanPredicate.Arith;
import dev.wafer.adapter.predicate.ScanPredicate.Compare;
import dev.wafer.adapter.predicate.ScanPredicate.In;
import dev.wafer.adapter.predicate.ScanPredicate.IsNull;
import dev.wafer.adapter.predicate.ScanPredicate.Like;
import dev.wafer.adapter.predicate.ScanPredicate.Not;
import dev.wafer.adapter.predicate.ScanPredicate.NullAs;
import dev.wafer.adapter.predicate.ScanPredicate.Operand;
import dev.wafer.adapter.predicate.ScanPredicate.Or;
import dev.wafer.adapter.table.ColumnKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.types.Types.MinorType;

/**
 * Evaluates a pushed predicate over one loaded record batch into a {@link Selection}.
 *
 * <p>Each node yields one {@link Tri} byte per row (FALSE &lt; NULL &lt; TRUE), so AND, OR and
 * NOT are min, max and {@code TRUE - v}: SQL's three-valued logic in branch-free loops. Leaves
 * read the raw buffers a batch at a time: fixed-width columns are read once into a primitive
 * scratch array and compared against bounds converted to the stored unit; strings are compared
 * as bytes; a dictionary-encoded column evaluates the leaf once per dictionary entry (cached per
 * dictionary) and then maps indices; a column that is constant in the file (a partition value,
 * or NULL when the file lacks it) evaluates the leaf once. Fast paths: a vector without nulls
 * skips the validity pass; a batch in which every row passes yields {@code null} (all rows).
 *
 * <p>Thread-safe: scratch arrays are per thread.
 */
public final class BatchFilter {
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final ScanPredicate predicate;
  private final int[] slotOfOrdinal;
  /** The one-pass kernels of the ORs that have {@link KeyedBounds}' shape, by their terms. */
  private final Map<java.util.List<ScanPredicate>, KeyedBounds> keyed = new IdentityHashMap<>();

  /**
   * @param predicate the pushed predicate (over table column ordinals)
   * @param slotOfOrdinal for each table ordinal, the index of its column in the arrays handed to
   *     {@link #select} (-1 for columns the predicate does not read)
   */
  public BatchFilter(ScanPredicate predicate, int[] slotOfOrdinal) {
    this.predicate = requireNonNull(predicate, "predicate");
    this.slotOfOrdinal = slotOfOrdinal.clone();
    findKeyed(predicate);
  }

  private void findKeyed(ScanPredicate p) {
    if (p instanceof Or or) {
      KeyedBounds k = KeyedBounds.of(or.terms());
      if (k != null) {
        keyed.put(or.terms(), k);
        return;
      }
    }
    if (p instanceof And and) {
      and.terms().forEach(this::findKeyed);
    } else if (p instanceof Or or) {
      or.terms().forEach(this::findKeyed);
    } else if (p instanceof Not not) {
      findKeyed(not.term());
    } else if (p instanceof NullAs nullAs) {
      findKeyed(nullAs.term());
    }
  }

  /**
   * The rows of a batch for which the predicate is TRUE, or null when it is TRUE for all.
   *
   * @param vectors loaded vector per slot, or null when the slot's value is {@code constants[slot]}
   * @param dictionaries decoded dictionary per slot for dictionary-encoded vectors, else null
   * @param constants value per slot when the vector is null (null: the column is NULL)
   * @param rows rows in the batch
   */
  public Selection select(FieldVector[] vectors, String[][] dictionaries, Object[] constants, int rows) {
    Batch b = new Batch(vectors, dictionaries, constants, SCRATCH.get());
    int[] positions = b.scratch.positions(rows + 1);
    int count = matches(b, rows, positions);
    if (count == rows) {
      return null;
    }
    return count == 0 ? Selection.none() : new Selection(positions, count);
  }

  /**
   * The number of rows of a batch for which the predicate is TRUE, without their positions (a
   * COUNT(*) needs no more).
   */
  public int count(FieldVector[] vectors, String[][] dictionaries, Object[] constants, int rows) {
    return matches(new Batch(vectors, dictionaries, constants, SCRATCH.get()), rows, null);
  }

  /**
   * The TRUE rows' number, their positions written to {@code positions} unless it is null or every
   * row is TRUE.
   */
  private int matches(Batch b, int rows, int[] positions) {
    if (dictionaryExcludes(b)) {
      return 0;
    }
    int count = dictionarySelect(b, rows, positions);
    if (count < 0) {
      count = boundsSelect(b, rows, positions);
    }
    if (count < 0) {
      byte[] result = eval(predicate, b, rows);
      count = positions == null ? ResultBytes.countTrue(result, rows)
          : ResultBytes.positionsOfTrue(result, rows, positions);
    }
    return count;
  }

  /**
   * A predicate that is one test of a dictionary column without NULLs ({@code test_name = 'Idd'},
   * {@code IN}, {@code LIKE}) straight from the indexes to positions, in one pass; else -1.
   */
  private int dictionarySelect(Batch b, int rows, int[] positions) {
    DictionaryKernels.EntryResults r = entryResults(predicate, b);
    FieldVector v = r == null ? null : leafVector(predicate, b);
    if (!(v instanceof IntVector) || NullCounts.of(v) > 0) {
      return -1;
    }
    if (r.allTrue()) {
      return rows; // every row: its caller needs no positions then
    }
    return DictionaryKernels.select(v, r.table, rows, positions);
  }

  /**
   * Whether the predicate, or a term of its top-level AND, is a test of a dictionary column that
   * is TRUE for no entry of the batch's dictionary nor for its NULLs ({@code test_name = 'NoSuch'
   * AND …}): no row of the batch can match, and none is read.
   */
  private boolean dictionaryExcludes(Batch b) {
    if (predicate instanceof And and) {
      for (ScanPredicate t : and.terms()) {
        if (dictionaryLeafNeverTrue(t, b)) {
          return true;
        }
      }
      return false;
    }
    return dictionaryLeafNeverTrue(predicate, b);
  }

  private boolean dictionaryLeafNeverTrue(ScanPredicate p, Batch b) {
    DictionaryKernels.EntryResults r = entryResults(p, b);
    if (r == null || !r.noneTrue()) {
      return false;
    }
    // IS NULL is TRUE on NULL rows, which have no entry
    return NullCounts.of(leafVector(p, b)) == 0 || ValueEvaluator.leaf(p, null) != Tri.TRUE;
  }

  /** A leaf's results per entry of its column's dictionary in this batch; null for other predicates and columns. */
  private DictionaryKernels.EntryResults entryResults(ScanPredicate p, Batch b) {
    if (p instanceof And || p instanceof Or || p instanceof Not || p instanceof NullAs) {
      return null;
    }
    String[] dictionary = b.dictionaries[slotOfOrdinal[leafColumn(p).ordinal()]];
    return leafVector(p, b) == null || dictionary == null ? null
        : DictionaryKernels.results(p, dictionary, b.scratch.dictionaryResults);
  }

  private FieldVector leafVector(ScanPredicate leaf, Batch b) {
    return b.vectors[slotOfOrdinal[leafColumn(leaf).ordinal()]];
  }

  /**
   * The vector of the one DOUBLE-domain operand (a numeric column, or its arithmetic with a
   * literal) that every term compares with a number, or null.
   */
  private FieldVector doubleOperandVector(java.util.List<ScanPredicate> terms, Batch b) {
    Operand operand = null;
    for (ScanPredicate t : terms) {
      if (!(t instanceof Compare c) || c.operand().domain() != ScanPredicate.Domain.DOUBLE
          || !(c.literal() instanceof Number) || (operand != null && !operand.equals(c.operand()))) {
        return null;
      }
      operand = c.operand();
    }
    int slot = slotOfOrdinal[operand.column().ordinal()];
    FieldVector v = b.vectors[slot];
    if (v == null || b.dictionaries[slot] != null
        || !(RawColumn.isDouble(v.getMinorType()) || RawColumn.isLong(v.getMinorType()))) {
      return null;
    }
    return v;
  }

  /**
   * A lower and an upper bound on one DOUBLE operand without NULLs, ANDed (BETWEEN) or ORed
   * ({@code x > a OR x < b}, the ABS rewrite), straight to positions in one pass; else -1.
   */
  private int boundsSelect(Batch b, int rows, int[] positions) {
    boolean and = predicate instanceof And;
    if (!and && !(predicate instanceof Or)) {
      return -1;
    }
    java.util.List<ScanPredicate> terms = and ? ((And) predicate).terms() : ((Or) predicate).terms();
    FieldVector v = terms.size() == 2 ? doubleOperandVector(terms, b) : null;
    double[] bounds = v == null || NullCounts.of(v) > 0 || v.getMinorType() != MinorType.FLOAT8 ? null
        : DoubleKernels.strictBounds(terms);
    if (bounds == null) {
      return -1;
    }
    double[] affine = DoubleKernels.affine(((Compare) terms.get(0)).operand());
    return DoubleKernels.selectBounds(v.getDataBufferAddress(), affine[0], affine[1], bounds[0], bounds[1], and, rows,
        positions);
  }

  private record Batch(FieldVector[] vectors, String[][] dictionaries, Object[] constants, Scratch scratch) {}

  /** Per-thread scratch: primitive buffers and leaf results per dictionary. */
  private static final class Scratch {
    long[] longs = new long[0];
    double[] doubles = new double[0];
    final Map<ScanPredicate, DictionaryKernels.EntryResults> dictionaryResults = new IdentityHashMap<>();
    final Map<Object, Object[]> keyedTables = new IdentityHashMap<>();

    byte[] bytes = new byte[0];
    int[] positions = new int[0];

    /** Positions of the current batch's selection: valid until the thread's next {@link #select}. */
    int[] positions(int size) {
      if (positions.length < size) {
        positions = new int[size];
      }
      return positions;
    }

    byte[] bytes(int rows) {
      if (bytes.length < rows) {
        bytes = new byte[rows];
      }
      return bytes;
    }

    long[] longs(int rows) {
      if (longs.length < rows) {
        longs = new long[rows];
      }
      return longs;
    }

    double[] doubles(int rows) {
      if (doubles.length < rows) {
        doubles = new double[rows];
      }
      return doubles;
    }
  }

  private byte[] eval(ScanPredicate p, Batch b, int rows) {
    if (p instanceof And and) {
      return combine(and.terms(), b, rows, true);
    }
    if (p instanceof Or or) {
      return combine(or.terms(), b, rows, false);
    }
    if (p instanceof Not not) {
      byte[] out = eval(not.term(), b, rows);
      for (int i = 0; i < rows; i++) {
        out[i] = (byte) (Tri.TRUE - out[i]);
      }
      return out;
    }
    if (p instanceof NullAs nullAs) {
      byte[] out = eval(nullAs.term(), b, rows);
      byte replacement = Tri.of(nullAs.nullValue());
      for (int i = 0; i < rows; i++) {
        out[i] = out[i] == Tri.NULL ? replacement : out[i];
      }
      return out;
    }
    return leaf(p, b, rows);
  }

  private byte[] combine(java.util.List<ScanPredicate> terms, Batch b, int rows, boolean and) {
    byte[] fused = and ? sameDoubleOperand(terms, b, rows, true) : keyedOr(terms, b, rows);
    if (fused != null) {
      return fused;
    }
    byte[] out = eval(terms.get(0), b, rows);
    byte decided = and ? Tri.FALSE : Tri.TRUE;
    for (int t = 1; t < terms.size(); t++) {
      boolean open = false;
      for (int i = 0; i < rows && !open; i++) {
        open = out[i] != decided;
      }
      if (!open) {
        break; // every row is already decided (all FALSE for AND, all TRUE for OR)
      }
      ResultBytes.fold(out, eval(terms.get(t), b, rows), rows, and);
    }
    return out;
  }

  /** An OR of {@link KeyedBounds}' shape in one pass, or else the ORs of same-operand bounds; or null. */
  private byte[] keyedOr(java.util.List<ScanPredicate> terms, Batch b, int rows) {
    KeyedBounds k = keyed.get(terms);
    if (k != null) {
      int keySlot = slotOfOrdinal[k.key().ordinal()];
      int valueSlot = slotOfOrdinal[k.value().ordinal()];
      FieldVector keys = b.vectors[keySlot];
      FieldVector values = b.vectors[valueSlot];
      byte[] out = new byte[rows];
      if (keys != null && values != null && b.dictionaries[valueSlot] == null
          && k.eval(keys, b.dictionaries[keySlot], values, b.scratch.longs(rows), b.scratch.keyedTables, out, rows)) {
        return out;
      }
    }
    return sameDoubleOperand(terms, b, rows, false);
  }

  private byte[] leaf(ScanPredicate leaf, Batch b, int rows) {
    byte[] out = new byte[rows];
    int slot = slotOfOrdinal[leafColumn(leaf).ordinal()];
    FieldVector v = b.vectors[slot];
    if (v == null) {
      java.util.Arrays.fill(out, ValueEvaluator.leaf(leaf, b.constants[slot]));
      return out;
    }
    if (b.dictionaries[slot] != null) {
      DictionaryKernels.leaf(leaf, v, DictionaryKernels.results(leaf, b.dictionaries[slot], b.scratch.dictionaryResults).table,
          b.scratch.longs(rows), out, rows);
      return out;
    } else if (leaf instanceof IsNull) {
      java.util.Arrays.fill(out, Tri.FALSE);
      if (NullCounts.of(v) > 0) {
        long validity = v.getValidityBufferAddress();
        for (int i = 0; i < rows; i++) {
          out[i] = ((MemoryUtil.getByte(validity + (i >> 3)) >> (i & 7)) & 1) == 0 ? Tri.TRUE : Tri.FALSE;
        }
      }
      return out;
    } else {
      typedLeaf(leaf, v, b.scratch, out, rows);
    }
    RawColumn.applyNulls(v, out, rows);
    return out;
  }

  static ScanPredicate.Column leafColumn(ScanPredicate leaf) {
    if (leaf instanceof Compare c) {
      return c.operand().column();
    } else if (leaf instanceof In in) {
      return in.operand().column();
    } else if (leaf instanceof IsNull n) {
      return n.operand().column();
    } else if (leaf instanceof Like l) {
      return l.column();
    }
    throw new IllegalArgumentException("not a leaf predicate: " + leaf);
  }

  private static void typedLeaf(ScanPredicate leaf, FieldVector v, Scratch s, byte[] out, int rows) {
    MinorType type = v.getMinorType();
    if (leaf instanceof Like like) {
      likeLeaf(like, v, out, rows);
      return;
    }
    Operand operand = leaf instanceof Compare c ? c.operand() : ((In) leaf).operand();
    switch (operand.domain()) {
      case STRING:
        stringLeaf(leaf, v, out, rows);
        return;
      case DOUBLE:
        doubleLeaf(leaf, operand, v, s, out, rows);
        return;
      default:
        if (!RawColumn.isLong(type)) {
          throw new IllegalStateException("column '" + v.getName() + "' of type " + type + " cannot be filtered as "
              + operand.domain());
        }
        longLeaf(leaf, operand, v, s, out, rows);
    }
  }

  private static void longLeaf(ScanPredicate leaf, Operand operand, FieldVector v, Scratch s, byte[] out, int rows) {
    MinorType type = v.getMinorType();
    long[] x = s.longs(rows);
    RawColumn.readLongs(v, x, rows);
    long mul = RawColumn.mul(type);
    long div = RawColumn.div(type);
    if (operand instanceof Arith a) {
      boolean asInt = a.resultKind() == ColumnKind.INTEGER;
      long l = ((Number) a.literal()).longValue();
      for (int i = 0; i < rows; i++) {
        long r = ValueEvaluator.arith(a, x[i], l);
        x[i] = asInt ? (int) r : r;
      }
      mul = 1;
      div = 1;
    }
    if (leaf instanceof Compare c) {
      range(operand, c.op(), c.literal()).toRaw(mul, div).mark(x, rows, out);
      return;
    }
    long[] set = longSet(operand, ((In) leaf).literals());
    boolean convert = mul > 1 || div > 1;
    for (int i = 0; i < rows; i++) {
      long value = convert ? RawColumn.toSql(x[i], type) : x[i];
      out[i] = Tri.of(java.util.Arrays.binarySearch(set, value) >= 0);
    }
  }

  /** The range of a comparison on the operand's integer values (decimals: unscaled). */
  private static LongRange range(Operand operand, CompareOp op, Object literal) {
    switch (operand.domain()) {
      case DECIMAL:
        return LongRange.ofDecimal(op, (BigDecimal) literal, operand.column().scale());
      case BOOLEAN:
        return LongRange.of(op, (Boolean) literal ? 1L : 0L);
      default:
        return LongRange.of(op, literal);
    }
  }

  /** The integral IN-list values on the operand's integer scale, sorted (others never match). */
  private static long[] longSet(Operand operand, java.util.List<Object> literals) {
    return literals.stream()
        .map(l -> range(operand, CompareOp.EQ, l))
        .filter(r -> r.lo() <= r.hi())
        .mapToLong(LongRange::lo).sorted().distinct().toArray();
  }

  private static void doubleLeaf(ScanPredicate leaf, Operand operand, FieldVector v, Scratch s, byte[] out, int rows) {
    double[] x = DoubleKernels.values(operand, v, s.doubles(rows), s.longs(rows), rows);
    if (leaf instanceof Compare c) {
      DoubleKernels.compare(c.op(), ((Number) c.literal()).doubleValue(), x, out, rows);
      return;
    }
    double[] set = ((In) leaf).literals().stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
    for (int i = 0; i < rows; i++) {
      boolean hit = false;
      for (double l : set) {
        hit |= x[i] == l;
      }
      out[i] = Tri.of(hit);
    }
  }

  /**
   * AND or OR of comparisons of one DOUBLE operand with literals ({@code BETWEEN}, {@code ABS(x -
   * m) > k}) in one read of the column: the operand is computed once, each comparison folds into
   * the result. Null when the terms are not of that form (the general path evaluates them).
   */
  private byte[] sameDoubleOperand(java.util.List<ScanPredicate> terms, Batch b, int rows, boolean and) {
    FieldVector v = doubleOperandVector(terms, b);
    if (v == null) {
      return null;
    }
    Operand operand = ((Compare) terms.get(0)).operand();
    double[] x = DoubleKernels.values(operand, v, b.scratch.doubles(rows), b.scratch.longs(rows), rows);
    byte[] out = new byte[rows];
    byte[] term = terms.size() > 1 ? b.scratch.bytes(rows) : null;
    for (int t = 0; t < terms.size(); t++) {
      Compare c = (Compare) terms.get(t);
      double l = ((Number) c.literal()).doubleValue();
      if (t == 0) {
        DoubleKernels.compare(c.op(), l, x, out, rows);
        continue;
      }
      DoubleKernels.compare(c.op(), l, x, term, rows);
      ResultBytes.fold(out, term, rows, and);
    }
    RawColumn.applyNulls(v, out, rows);
    return out;
  }

  private static void stringLeaf(ScanPredicate leaf, FieldVector v, byte[] out, int rows) {
    requireStrings(v);
    if (leaf instanceof Compare c) {
      StringKernels.compare(v, c.op(), ((String) c.literal()).getBytes(StandardCharsets.UTF_8), out, rows);
    } else {
      byte[][] set = ((In) leaf).literals().stream()
          .map(o -> ((String) o).getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
      StringKernels.in(v, set, out, rows);
    }
  }

  private static void likeLeaf(Like like, FieldVector v, byte[] out, int rows) {
    requireStrings(v);
    byte[][] segments = StringKernels.segments(like.pattern(), like.escape());
    if (segments != null) {
      StringKernels.like(v, segments, out, rows);
      return;
    }
    boolean nulls = NullCounts.of(v) > 0;
    for (int i = 0; i < rows; i++) {
      out[i] = nulls && v.isNull(i) ? Tri.NULL : ValueEvaluator.leaf(like, StringKernels.decode(v, i));
    }
  }

  private static void requireStrings(FieldVector v) {
    if (!StringKernels.supports(v)) {
      throw new IllegalStateException("column '" + v.getName() + "' of type " + v.getMinorType()
          + " cannot be filtered as a string");
    }
  }
}
