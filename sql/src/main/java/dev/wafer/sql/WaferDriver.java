package dev.wafer.sql;

import dev.wafer.adapter.WaferOptions;
import dev.wafer.adapter.WaferSchema;
import dev.wafer.adapter.WaferSchemaFactory;
import dev.wafer.adapter.WaferTypeSystem;
import dev.wafer.sql.functions.FunctionCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Wafer JDBC driver, {@code jdbc:wafer:<root>[;key=value…]}: a Calcite connection
 * whose default schema {@value #SCHEMA} is the dataset at {@code <root>}, plus schema {@code sys}
 * ({@code sys.partitions}: one row per data file; {@code sys.functions}: the SQL functions and
 * plugin warnings). Wafer's function library and plugin functions are callable unqualified
 * ({@code SELECT CPK(test_value, lo_limit, hi_limit) FROM test_results GROUP BY test_name}).
 *
 * <p>Properties (URL or {@code connect} properties; the URL wins): {@code threads} (scan workers
 * per query, default: available processors), {@code rules} ({@code on}/{@code off}: Wafer's pushdown
 * rules), {@code maxQueryMemory} (bytes, k/m/g suffix allowed: the most a query's GROUP BY state
 * may hold; default a quarter of the heap), {@code maxMapBytes} (largest single mapping),
 * {@value #PLUGINS} (directory of function plugin jars;
 * relative to the working directory; default {@code <root>/_plugins} when it exists), and every
 * Calcite connection property. Defaults differ from Calcite's in favour of
 * analysts and BI tools: identifiers match case-insensitively and keep their case, double quotes
 * quote identifiers, Presto-like conformance (see {@link #connectionProperties}), and TIMESTAMP columns keep up to 6 fractional digits in their declared type.
 */
public class WaferDriver extends org.apache.calcite.jdbc.Driver {
  /** Name of the schema holding the dataset's tables. */
  public static final String SCHEMA = "wafer";
  /** Connection property naming the function plugins directory. */
  public static final String PLUGINS = "plugins";
  /** The plugins directory under the dataset root used when {@value #PLUGINS} is not set. */
  public static final String DEFAULT_PLUGINS_DIRECTORY = "_plugins";
  private static final Logger LOG = LoggerFactory.getLogger(WaferDriver.class);

  static {
    // Calcite compiles each plan to Java with Janino (~100 ms); caching the compiled classes by
    // their source makes a repeated query shape (dashboards, benchmarks) skip the compiler.
    // Stashed scan specifications are parameters of the generated code, not part of its source.
    if (System.getProperty("calcite.bindable.cache.maxSize") == null) {
      System.setProperty("calcite.bindable.cache.maxSize", "1000");
    }
    new WaferDriver().register();
  }

  /** Preparation that keeps each connection's query plans by SQL text ({@link PlanCache}). */
  @Override
  public org.apache.calcite.jdbc.CalcitePrepare createPrepare() {
    return new PlanCache();
  }

  /** Calcite's handler, and a closed connection's cached plans are dropped. */
  @Override
  protected org.apache.calcite.avatica.Handler createHandler() {
    org.apache.calcite.avatica.Handler calcite = super.createHandler();
    return new org.apache.calcite.avatica.Handler() {
      @Override
      public void onConnectionInit(org.apache.calcite.avatica.AvaticaConnection c) throws SQLException {
        calcite.onConnectionInit(c);
      }

      @Override
      public void onConnectionClose(org.apache.calcite.avatica.AvaticaConnection c) {
        PlanCache.forget(c);
        calcite.onConnectionClose(c);
      }

      @Override
      public void onStatementExecute(org.apache.calcite.avatica.AvaticaStatement s, ResultSink sink) {
        calcite.onStatementExecute(s, sink);
      }

      @Override
      public void onStatementClose(org.apache.calcite.avatica.AvaticaStatement s) {
        calcite.onStatementClose(s);
      }
    };
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
      FunctionCatalog functions = FunctionCatalog.load(pluginsDirectory(parsed, props));
      functions.register(root);
      root.add("DATE_TRUNC", ScalarFunctionImpl.create(DateTrunc.class, "dateTrunc"));
      if (!functions.registry().warnings().isEmpty()) {
        LOG.warn("{} function plugin warnings for {}; SELECT * FROM sys.functions WHERE kind = 'WARNING' lists them",
            functions.registry().warnings().size(), url);
      }
      root.add(SysSchema.NAME, new SysSchema(wafer, functions.registry()));
      return connection;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e instanceof SQLException s ? s : new SQLException("cannot open " + url + ": " + e.getMessage(), e);
    }
  }

  /** The {@value #PLUGINS} property's directory, else {@code <root>/_plugins}. */
  static Path pluginsDirectory(WaferUrl url, Properties props) {
    String dir = props.getProperty(PLUGINS);
    if (dir != null && !dir.isBlank()) {
      return Path.of(dir.trim()).toAbsolutePath().normalize();
    }
    return url.root().resolve(DEFAULT_PLUGINS_DIRECTORY);
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
    for (String key : new String[] {WaferOptions.THREADS, WaferOptions.RULES, WaferOptions.MAX_QUERY_MEMORY,
        WaferOptions.MAX_MAP_BYTES}) {
      String v = p.getProperty(key);
      if (v != null) {
        p.setProperty("schema." + key, v);
      }
    }
    return p;
  }
}
