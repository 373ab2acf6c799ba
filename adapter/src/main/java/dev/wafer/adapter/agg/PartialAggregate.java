package dev.wafer.adapter.agg;

import dev.wafer.adapter.exec.Selection;
import dev.wafer.adapter.table.ColumnKind;
import dev.wafer.adapter.table.TableColumn;
import java.util.Arrays;
import java.util.List;

/**
 * One worker's partial aggregate: its own group table and states, updated batch by batch with no
 * locking (DuckDB's local state per worker); {@link AggregateRun} merges the partials at the end.
 *
 * <p>Per batch: decode the columns the aggregate reads (once each), map rows to group ids —
 * directly through an array for a single string key (codes are dense), by one lookup for keys
 * constant in the batch (partition columns, global aggregates), by the primitive hash table
 * otherwise — then let each accumulator fold the batch in, through the optional selection and
 * its FILTER condition.
 */
public final class PartialAggregate {
  private final AggregateSpec spec;
  private final ValueKind[] kinds;
  private final boolean[] dates;
  private final MemoryBudget budget;
  final GroupTable table;
  final Accumulator[] accumulators;
  private final long bytesPerGroup;
  private final ColumnBatch[] cols;
  private final boolean[] needValues;
  /** Columns read only as the single group key, which {@link DirectKeyGroups} may read raw. */
  private final boolean[] directKey;
  private final DirectKeyGroups direct;
  private final DenseKeyCells cells;
  private final BatchConstantKeys statsKeys;
  /** COUNT(*) calls only, without keys: a batch adds its number of matching rows, nothing more. */
  private final boolean countsOnly;
  /** Folds batches grouped by one small dictionary per dictionary index, or null. */
  private final DictionaryKeyKernel dictionaryKernel;
  /** Columns read only as group keys: not decoded when every key is constant in the batch. */
  private final boolean[] keyOnly;
  /** Columns read only as arguments of calls without FILTER: decoded at the selected rows only. */
  private final boolean[] argumentOnly;
  private final ColumnDecoder decoder;
  private final PredicateEvaluator evaluator;
  private final ColumnBatch none = new ColumnBatch();
  private final long[] tuple;
  private long[][] keyScratch;
  private int[] groups = new int[0];
  private int[] filtered = new int[0];
  private byte[] mask = new byte[0];
  private int[] codeToGroup = new int[0];
  private int capacity;

  PartialAggregate(AggregateSpec spec, List<TableColumn> columns, StringCodes codes, MemoryBudget budget) {
    this.spec = spec;
    this.budget = budget;
    int n = columns.size();
    kinds = new ValueKind[n];
    dates = new boolean[n];
    for (int c = 0; c < n; c++) {
      kinds[c] = ValueKind.of(columns.get(c).kind());
      dates[c] = columns.get(c).kind() == ColumnKind.DATE;
    }
    cols = new ColumnBatch[n];
    needValues = new boolean[n];
    for (int c : spec.columns()) {
      cols[c] = new ColumnBatch();
    }
    boolean[] readByCalls = new boolean[n];
    boolean filters = false;
    for (AggCall call : spec.calls()) {
      if (call.column() >= 0) {
        readByCalls[call.column()] = true;
        needValues[call.column()] |= call.kind().readsValues();
      }
      if (call.filter() != null) {
        filters = true;
        java.util.Set<Integer> used = new java.util.TreeSet<>();
        AggPredicate.columns(call.filter(), used);
        used.forEach(c -> needValues[c] = readByCalls[c] = true);
      }
    }
    keyOnly = new boolean[n];
    argumentOnly = new boolean[n];
    for (int c = 0; c < n; c++) {
      argumentOnly[c] = needValues[c] && !filters;
    }
    for (GroupKey k : spec.keys()) {
      argumentOnly[k.column()] = false;
      keyOnly[k.column()] = !readByCalls[k.column()];
    }
    directKey = new boolean[n];
    boolean single = spec.keys().size() == 1 && spec.keys().get(0).transform() == KeyTransform.NONE;
    for (GroupKey k : spec.keys()) {
      directKey[k.column()] = single && !needValues[k.column()];
      needValues[k.column()] = true;
    }
    int width = spec.keys().size() + 1;
    table = new GroupTable(width);
    direct = new DirectKeyGroups(table, codes);
    tuple = new long[width];
    boolean[] stringKey = new boolean[spec.keys().size()];
    for (int j = 0; j < stringKey.length; j++) {
      GroupKey k = spec.keys().get(j);
      stringKey[j] = kinds[k.column()] == ValueKind.STRING && k.transform() == KeyTransform.NONE;
    }
    cells = new DenseKeyCells(table, stringKey);
    statsKeys = new BatchConstantKeys(spec.keys(), kinds, dates, codes);
    keyScratch = new long[spec.keys().size()][0];
    accumulators = new Accumulator[spec.calls().size()];
    long bytes = table.bytesPerGroup();
    for (int i = 0; i < accumulators.length; i++) {
      AggCall call = spec.calls().get(i);
      accumulators[i] = create(call, call.column() < 0 ? ValueKind.NONE : kinds[call.column()]);
    }
    MeanOfMoments.share(spec.calls(), kinds, accumulators);
    countsOnly = spec.keys().isEmpty()
        && spec.calls().stream().allMatch(c -> c.kind() == AggKind.COUNT_STAR && c.filter() == null);
    for (Accumulator a : accumulators) {
      bytes += a.bytesPerGroup();
    }
    bytesPerGroup = bytes;
    dictionaryKernel = DictionaryKeyKernel.of(spec.keys(), spec.calls(), kinds, accumulators, direct, this::ensureCapacity);
    decoder = new ColumnDecoder(codes);
    evaluator = new PredicateEvaluator(codes);
  }

  static Accumulator create(AggCall call, ValueKind kind) {
    switch (call.kind()) {
      case COUNT_STAR: return new CountAccumulator(true);
      case COUNT: return new CountAccumulator(false);
      case SUM: case SUM0: case AVG:
        return kind == ValueKind.DOUBLE ? new SumDoubleAccumulator(call.kind()) : new SumLongAccumulator(call.kind());
      case MIN: case MAX:
        return kind == ValueKind.DOUBLE ? new MinMaxDoubleAccumulator(call.kind() == AggKind.MAX)
            : new MinMaxLongAccumulator(call.kind() == AggKind.MAX);
      default:
        return new MomentsAccumulator(call.kind());
    }
  }

  /**
   * Folds rows of one batch in.
   *
   * @param selection the rows that passed the scan's predicate, or null for every row
   */
  public void accumulate(BatchColumns batch, int rows, Selection selection) {
    if (rows == 0 || Selection.count(selection, rows) == 0) {
      return;
    }
    int[] base = Selection.isAll(selection, rows) ? null : selection.positions;
    int n = Selection.count(selection, rows);
    if (dictionaryKernel != null && dictionaryKernel.accumulate(batch, base, n)) {
      return;
    }
    boolean keysConstant = !spec.keys().isEmpty() && statsKeys.find(batch);
    // gathering the selected rows only pays when few are
    int[] gather = base != null && n < rows / 2 ? base : null;
    for (int c = 0; c < cols.length; c++) {
      if (cols[c] == null || (keysConstant && keyOnly[c] && batch.vector(c) != null)) {
        continue;
      }
      // a key column the direct path reads raw needs only its validity decoded
      boolean raw = directKey[c] && DirectKeyGroups.serves(batch.vector(c), batch.dictionary(c));
      decoder.decode(batch, c, kinds[c], needValues[c] && !raw, rows, argumentOnly[c] ? gather : null, n, cols[c]);
    }
    int constantGroup = constantGroup(rows);
    int[] g = null;
    if (constantGroup < 0) {
      g = groups(batch, rows, base, n);
    }
    ensureCapacity(table.size());
    for (int i = 0; i < accumulators.length; i++) {
      AggCall call = spec.calls().get(i);
      int[] positions = base;
      int count = n;
      if (call.filter() != null) {
        if (mask.length < rows) {
          mask = new byte[rows];
          filtered = new int[rows];
        }
        evaluator.eval(call.filter(), cols, rows, mask);
        count = PredicateEvaluator.select(mask, base, n, filtered);
        positions = filtered;
      }
      accumulators[i].add(g, constantGroup, call.column() < 0 ? none : cols[call.column()], positions, count);
    }
  }

  /** Whether batches need only their number of matching rows ({@link #addRows}): COUNT(*)s without keys. */
  public boolean countsOnly() {
    return countsOnly;
  }

  /** Folds a batch's {@code n} matching rows into a {@link #countsOnly()} aggregate. */
  public void addRows(int n) {
    if (n == 0) {
      return;
    }
    int g = constantGroup();
    ensureCapacity(table.size());
    for (Accumulator a : accumulators) {
      ((CountAccumulator) a).addCount(g, n);
    }
  }

  /** The group (made room for) of a batch whose keys are all constant, from those constants. */
  int groupOfConstants(BatchColumns constants) {
    statsKeys.clear();
    for (GroupKey k : spec.keys()) {
      decoder.decode(constants, k.column(), kinds[k.column()], true, 1, null, 1, cols[k.column()]);
    }
    int g = constantGroup();
    ensureCapacity(table.size());
    return g;
  }

  /** The group of every row when all keys are constant in the batch, else -1. */
  int constantGroup() {
    return constantGroup(1);
  }

  /**
   * {@link #constantGroup()} for a batch of {@code rows}: a key is constant when its column is (a
   * partition value), or when a monotonic time bucket puts the batch's smallest and largest value
   * in the same bucket (a day's file grouped by day or month): then no row is bucketed or hashed.
   */
  private int constantGroup(int rows) {
    for (int j = 0; j < spec.keys().size(); j++) {
      GroupKey k = spec.keys().get(j);
      ColumnBatch v = cols[k.column()];
      if (!statsKeys.constant[j] && !v.constant
          && !(k.transform().monotonic() && !v.mayBeNull() && oneBucket(v.longs, rows, k))) {
        return -1;
      }
    }
    long nulls = 0;
    for (int j = 0; j < spec.keys().size(); j++) {
      ColumnBatch v = cols[spec.keys().get(j).column()];
      if (statsKeys.constant[j]) {
        tuple[j] = statsKeys.words[j];
      } else if (v.allNull) {
        nulls |= 1L << j;
        tuple[j] = 0;
      } else {
        tuple[j] = keyValues(j, 1)[0];
      }
    }
    tuple[tuple.length - 1] = nulls;
    return table.find(tuple);
  }

  /** Whether every value of {@code x[0..rows)} falls in one bucket of the key's monotonic transform. */
  private boolean oneBucket(long[] x, int rows, GroupKey k) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < rows; i++) {
      min = Math.min(min, x[i]);
      max = Math.max(max, x[i]);
    }
    boolean date = dates[k.column()];
    return rows > 0 && k.transform().apply(min, date) == k.transform().apply(max, date);
  }

  /** Group ids of the selected rows (indexed by row). */
  private int[] groups(BatchColumns batch, int rows, int[] base, int n) {
    if (groups.length < rows) {
      groups = new int[Math.max(rows, groups.length * 2)];
    }
    int[] g = groups;
    int k = spec.keys().size();
    if (k == 1) {
      GroupKey key = spec.keys().get(0);
      int c = key.column();
      ColumnBatch v = cols[c];
      if (directKey[c] && DirectKeyGroups.serves(batch.vector(c), batch.dictionary(c))) {
        if (direct.groups(batch.vector(c), batch.dictionary(c), v, rows, base, n, g)) {
          return g;
        }
        decoder.decode(batch, c, kinds[c], true, rows, null, rows, v); // too wide a range: the hash path
      }
      long[] vals = keyValues(0, rows);
      boolean nulls = v.mayBeNull();
      if (kinds[key.column()] == ValueKind.STRING && key.transform() == KeyTransform.NONE) {
        for (int i = 0; i < n; i++) {
          int r = base == null ? i : base[i];
          g[r] = nulls && v.isNull(r) ? table.findOne(0, 1) : stringGroup((int) vals[r]);
        }
        return g;
      }
      for (int i = 0; i < n; i++) {
        int r = base == null ? i : base[i];
        g[r] = nulls && v.isNull(r) ? table.findOne(0, 1) : table.findOne(vals[r], 0);
      }
      return g;
    }
    long[][] vals = new long[k][];
    ColumnBatch[] vs = new ColumnBatch[k];
    for (int j = 0; j < k; j++) {
      vals[j] = keyValues(j, rows);
      vs[j] = cols[spec.keys().get(j).column()];
    }
    if (cells.groups(vals, vs, base, n, g)) {
      return g;
    }
    for (int i = 0; i < n; i++) {
      int r = base == null ? i : base[i];
      g[r] = table.findRow(vals, vs, r, tuple);
    }
    return g;
  }

  /** Array-indexed group of a string code: hashing only on a code's first sight. */
  private int stringGroup(int code) {
    if (code >= codeToGroup.length) {
      int old = codeToGroup.length;
      codeToGroup = Arrays.copyOf(codeToGroup, Math.max(code + 1, old * 2 + 16));
      Arrays.fill(codeToGroup, old, codeToGroup.length, -1);
    }
    int g = codeToGroup[code];
    if (g < 0) {
      g = table.findOne(code, 0);
      codeToGroup[code] = g;
    }
    return g;
  }

  /**
   * The values of key {@code j} for rows {@code [0, rows)} as table words: doubles as canonical
   * bits (so -0.0 groups with 0.0 and every NaN together), time buckets applied.
   */
  private long[] keyValues(int j, int rows) {
    GroupKey key = spec.keys().get(j);
    ColumnBatch v = cols[key.column()];
    ValueKind kind = kinds[key.column()];
    if (kind != ValueKind.DOUBLE && key.transform() == KeyTransform.NONE) {
      return v.longs;
    }
    if (keyScratch[j].length < rows) {
      keyScratch[j] = new long[Math.max(rows, keyScratch[j].length * 2)];
    }
    long[] out = keyScratch[j];
    if (kind == ValueKind.DOUBLE) {
      double[] d = v.doubles;
      for (int i = 0; i < rows; i++) {
        out[i] = d[i] == 0 ? 0 : Double.doubleToLongBits(d[i]);
      }
    } else {
      long[] x = v.longs;
      KeyTransform t = key.transform();
      boolean date = dates[key.column()];
      for (int i = 0; i < rows; i++) {
        out[i] = t.apply(x[i], date);
      }
    }
    return out;
  }

  /** Grows every state to hold {@code groups} groups, within the query memory budget. */
  void ensureCapacity(int groups) {
    if (groups <= capacity) {
      return;
    }
    int newCapacity = Math.max(groups, Math.max(64, capacity * 2));
    budget.reserve((newCapacity - capacity) * bytesPerGroup, "GROUP BY state", groups);
    capacity = newCapacity;
    for (Accumulator a : accumulators) {
      a.ensure(newCapacity);
    }
  }

  int groupCount() {
    return table.size();
  }
}
