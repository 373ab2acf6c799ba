package dev.wafer.adapter.predicate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.exec.Selection;
import dev.wafer.adapter.predicate.ScanPredicate.And;
import dev.wafer.adapter.predicate.ScanPredicate.Column;
import dev.wafer.adapter.predicate.ScanPredicate.Compare;
import dev.wafer.adapter.predicate.ScanPredicate.In;
import dev.wafer.adapter.predicate.ScanPredicate.IsNull;
import dev.wafer.adapter.predicate.ScanPredicate.Not;
import dev.wafer.adapter.table.ColumnKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link BatchFilter} on a dictionary column when a test holds for none or all of the batch's
 * entries, which it settles without reading the indexes: the rows selected must be the ones SQL
 * selects, NULL index rows included (IS NULL is TRUE for them although no entry is NULL).
 */
class DictionaryFilterTest {
  private static final Column NAME = new Column(0, "test_name", ColumnKind.VARCHAR, 0);
  private static final Column VALUE = new Column(1, "test_value", ColumnKind.DOUBLE, 0);
  private static final String[] DICTIONARY = {"Vdd", "Idd", "Leak"};
  private static final int ROWS = 10;

  private final BufferAllocator allocator = new RootAllocator();
  private final List<FieldVector> vectors = new ArrayList<>();

  @AfterEach
  void close() {
    vectors.forEach(FieldVector::close);
    allocator.close();
  }

  /** Index rows: {@code i % 3}, or NULL where {@code nullEvery} divides i (0: never). */
  private IntVector names(int nullEvery) {
    IntVector v = new IntVector("test_name", allocator);
    vectors.add(v);
    v.allocateNew(ROWS);
    for (int i = 0; i < ROWS; i++) {
      if (nullEvery > 0 && i % nullEvery == 0) {
        v.setNull(i);
      } else {
        v.set(i, i % 3);
      }
    }
    v.setValueCount(ROWS);
    return v;
  }

  private Float8Vector values() {
    Float8Vector v = new Float8Vector("test_value", allocator);
    vectors.add(v);
    v.allocateNew(ROWS);
    for (int i = 0; i < ROWS; i++) {
      v.set(i, i);
    }
    v.setValueCount(ROWS);
    return v;
  }

  private List<Integer> selected(ScanPredicate p, IntVector names) {
    BatchFilter filter = new BatchFilter(p, new int[] {0, 1});
    Selection s = filter.select(new FieldVector[] {names, values()}, new String[][] {DICTIONARY, null},
        new Object[2], ROWS);
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < Selection.count(s, ROWS); i++) {
      rows.add(s == null ? i : s.positions[i]);
    }
    int counted = filter.count(new FieldVector[] {names, values()}, new String[][] {DICTIONARY, null},
        new Object[2], ROWS);
    assertThat(counted).as("count() agrees with select() for %s", p).isEqualTo(rows.size());
    return rows;
  }

  @Test
  void aValueInNoEntrySelectsNothingAloneOrAnded() {
    Compare noSuch = new Compare(NAME, CompareOp.EQ, "NoSuch");
    assertThat(selected(noSuch, names(0))).isEmpty();
    assertThat(selected(noSuch, names(4))).isEmpty();
    assertThat(selected(new And(List.of(new Compare(VALUE, CompareOp.GT, 2.0), noSuch)), names(0))).isEmpty();
    assertThat(selected(new And(List.of(new Compare(VALUE, CompareOp.GT, 2.0),
        new In(NAME, List.of("NoSuch", "Nada")))), names(4))).isEmpty();
  }

  @Test
  void aTestEveryEntryPassesSelectsEveryNonNullRow() {
    Compare notNoSuch = new Compare(NAME, CompareOp.NE, "NoSuch");
    assertThat(selected(notNoSuch, names(0))).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(selected(notNoSuch, names(4))).as("NULL <> 'NoSuch' is NULL").containsExactly(1, 2, 3, 5, 6, 7, 9);
    assertThat(selected(new Not(new Compare(NAME, CompareOp.EQ, "NoSuch")), names(4)))
        .containsExactly(1, 2, 3, 5, 6, 7, 9);
  }

  @Test
  void isNullHoldsForNoEntryButForTheNullRows() {
    IsNull isNull = new IsNull(NAME);
    assertThat(selected(isNull, names(0))).isEmpty();
    assertThat(selected(isNull, names(4))).containsExactly(0, 4, 8);
    assertThat(selected(new And(List.of(new Compare(VALUE, CompareOp.GT, 2.0), isNull)), names(4)))
        .containsExactly(4, 8);
  }

  @Test
  void aValueInSomeEntriesSelectsItsRows() {
    assertThat(selected(new Compare(NAME, CompareOp.EQ, "Idd"), names(0))).containsExactly(1, 4, 7);
    assertThat(selected(new Compare(NAME, CompareOp.EQ, "Idd"), names(4))).containsExactly(1, 7);
  }
}
