package dev.wafer.adapter.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.arrow.FileVersion;
import dev.wafer.adapter.dataset.DataFile;
import dev.wafer.adapter.dataset.FileFormat;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** How a table column finds its field in one file. */
class TableFileTest {
  static TableFile file(Field... fields) {
    DataFile f = new DataFile(Path.of("/t/a.arrow"), "a.arrow", Map.of(),
        new FileVersion(1, FileTime.fromMillis(0), null), FileFormat.ARROW);
    return new TableFile(f, new Schema(List.of(fields)), 0, List.of(), null);
  }

  static TableColumn column(String name, ColumnKind kind) {
    return new TableColumn(name, kind, -1, -1, false);
  }

  @Test
  void aColumnIsTheFirstFieldOfItsNameAndKind() {
    TableFile f = file(Field.nullable("id", new ArrowType.Int(64, true)), Field.nullable("x", ArrowType.Utf8.INSTANCE),
        Field.nullable("x", new ArrowType.Int(64, true)), Field.nullable("x", new ArrowType.Int(64, true)),
        Field.nullable("v", new ArrowType.FloatingPoint(org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE)));
    assertThat(f.fieldIndex(column("id", ColumnKind.BIGINT))).isZero();
    assertThat(f.fieldIndex(column("x", ColumnKind.VARCHAR))).isEqualTo(1);
    assertThat(f.fieldIndex(column("x", ColumnKind.BIGINT))).isEqualTo(2); // past the first "x", of another kind
    assertThat(f.fieldIndex(column("v", ColumnKind.DOUBLE))).isEqualTo(4);
    assertThat(f.fieldIndex(column("v", ColumnKind.BIGINT))).isEqualTo(-1); // same name, other kind
    assertThat(f.fieldIndex(column("missing", ColumnKind.BIGINT))).isEqualTo(-1);
    assertThat(f.fieldIndex(column("ID", ColumnKind.BIGINT))).isEqualTo(-1); // names are exact
  }
}
