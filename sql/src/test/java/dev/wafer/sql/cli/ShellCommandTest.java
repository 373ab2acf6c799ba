package dev.wafer.sql.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wafer.adapter.testing.ArrowTestWriter;
import dev.wafer.adapter.testing.TestColumn;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The shell runs sqlline on the dataset: a piped script's query prints its result. */
class ShellCommandTest {
  @TempDir Path root;

  @Test
  void scriptedSessionPrintsResults() throws Exception {
    List<Object[]> rows = new ArrayList<>();
    long sum = 0;
    for (int i = 0; i < 321; i++) {
      rows.add(new Object[] {(long) i * 7});
      sum += i * 7L;
    }
    ArrowTestWriter.write(root.resolve("t/part-0.arrow"), List.of(TestColumn.of("x", new ArrowType.Int(64, true))),
        rows, 100, true);
    ShellCommand shell = new ShellCommand();
    new CommandLine(shell).parseArgs("--data", root.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String script = "SELECT count(*) AS n, sum(x) AS s FROM t;\n!tables\n!quit\n";
    int exit = shell.run(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), out);
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(text).isZero();
    assertThat(text).containsPattern("\\|\\s+321\\s+\\|\\s+" + sum + "\\s+\\|").contains("partitions");
  }
}
