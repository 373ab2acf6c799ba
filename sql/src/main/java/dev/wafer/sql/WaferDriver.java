package dev.wafer.sql;

import dev.wafer.adapter.WaferOptions;
import dev.wafer.adapter.WaferSchema;
import dev.wafer.adapter.WaferSchemaFactory;
import dev.wafer.adapter.WaferTypeSystem;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The embedded Wafer JDBC driver, {@code jdbc:wafer:<root>[;key=value…]}: a Calcite connection
 * whose default schema {@value #SCHEMA} is the dataset at {@code <root>}, plus schema {@code sys}
 * ({@code sys.partitions}: one row per data file).
 *
 * <p>Properties (URL or {@code connect} properties; the URL wins): {@code threads} (scan workers
 * per query, default: available processors), {@code rules} ({@code on}/{@code off}: Wafer's pushdown
 * rules), and every Calcite connection property. Defaults differ from Calcite's in favour of
 * analysts and BI tools: identifiers match case-insensitively and keep their case, double quotes
 * quote identifiers, Presto-like conformance (see {@link #connectionProperties}), and TIMESTAMP columns keep up to 6 fractional digits in their declared type.
 */
public class WaferDriver extends org.apache.calcite.jdbc.Driver {
  /** Name of the schema holding the dataset's tables. */
  public static final String SCHEMA = "wafer";

  static {
    new WaferDriver().register();
  }

  @Override
  protected String getConnectStringPrefix() {
    return WaferUrl.PREFIX;
  }

  @Override
  protected DriverVersion createDriverVersion() {
    String v = WaferDriver.class.getPackage().getImplementationVersion();
    String version = v == null ? "0.1" : v;
    return new DriverVersion("Wafer JDBC Driver", version, "Wafer", version, true, 0, 1, 0, 1);
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (url == null || !acceptsURL(url)) {
      return null;
    }
    WaferUrl parsed = WaferUrl.parse(url);
    if (!Files.isDirectory(parsed.root())) {
      throw new SQLException("Wafer dataset root " + parsed.root() + " does not exist or is not a directory"
          + " (from " + url + ")", "08001");
    }
    Properties props = connectionProperties(parsed, info);
    AvaticaConnection connection = factory.newConnection(this, factory, url, props);
    try {
      handler.onConnectionInit(connection);
      SchemaPlus root = connection.unwrap(CalciteConnection.class).getRootSchema();
      WaferSchema wafer = root.getSubSchema(SCHEMA).unwrap(WaferSchema.class);
      root.add(SysSchema.NAME, new SysSchema(wafer));
      return connection;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e instanceof SQLException s ? s : new SQLException("cannot open " + url + ": " + e.getMessage(), e);
    }
  }

  /** Calcite properties for a Wafer URL: Wafer's defaults, then the caller's, then the URL's. */
  static Properties connectionProperties(WaferUrl url, Properties info) {
    Properties p = new Properties();
    p.setProperty("caseSensitive", "false");
    p.setProperty("unquotedCasing", "UNCHANGED");
    p.setProperty("quotedCasing", "UNCHANGED");
    p.setProperty("quoting", "DOUBLE_QUOTE");
    // LENIENT conformance: GROUP BY/ORDER BY ordinals and aliases, HAVING aliases (BI tools and
    // analysts write them; DuckDB and Trino accept them), '%' and '!=', and arithmetic overflow
    // raised as an error rather than wrapped. Ragged CASE/UNION strings are typed VARCHAR by
    // WaferTypeSystem.
    p.setProperty("conformance", "LENIENT");
    p.setProperty("typeSystem", WaferTypeSystem.class.getName());
    if (info != null) {
      info.stringPropertyNames().forEach(k -> p.setProperty(k, info.getProperty(k)));
    }
    url.properties().stringPropertyNames().forEach(k -> p.setProperty(k, url.properties().getProperty(k)));
    p.setProperty("schemaFactory", WaferSchemaFactory.class.getName());
    p.setProperty("schema", SCHEMA);
    p.setProperty("schema." + WaferOptions.DIRECTORY, url.root().toString());
    for (String key : new String[] {WaferOptions.THREADS, WaferOptions.RULES}) {
      String v = p.getProperty(key);
      if (v != null) {
        p.setProperty("schema." + key, v);
      }
    }
    return p;
  }
}
