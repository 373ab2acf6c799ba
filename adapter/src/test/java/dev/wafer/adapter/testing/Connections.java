package dev.wafer.adapter.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens plain Calcite connections ({@code jdbc:calcite:model=inline:…}) over a Wafer schema. */
public final class Connections {
  private Connections() {}

  public static Connection calcite(Path root, String extraOperand) throws SQLException {
    String model = "inline:{\"version\":\"1.0\",\"defaultSchema\":\"wafer\",\"schemas\":[{\"name\":\"wafer\","
        + "\"type\":\"custom\",\"factory\":\"dev.wafer.adapter.WaferSchemaFactory\",\"operand\":{"
        + "\"directory\":\"" + root.toString().replace("\\", "\\\\") + "\"" + extraOperand + "}}]}";
    Properties p = new Properties();
    p.setProperty("model", model);
    p.setProperty("lex", "JAVA");
    return DriverManager.getConnection("jdbc:calcite:", p);
  }
}
