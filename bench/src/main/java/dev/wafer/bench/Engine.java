package dev.wafer.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A SQL engine under comparison, reached through JDBC. */
public interface Engine extends AutoCloseable {
  String name();

  Connection connection();

  @Override
  void close() throws SQLException;

  /** Wafer's embedded driver over the Arrow copy; {@code rules=off} disables its pushdowns. */
  static Engine wafer(Path arrowRoot, int threads, boolean rules) throws SQLException {
    String url = "jdbc:wafer:" + arrowRoot + ";threads=" + threads + (rules ? "" : ";rules=off");
    return simple(rules ? "wafer" : "wafer_rules_off", DriverManager.getConnection(url));
  }

  /** Wafer with rules on and one scan thread: the baseline of the thread-scaling ratio. */
  static Engine waferOneThread(Path arrowRoot) throws SQLException {
    return simple("wafer_1t", DriverManager.getConnection("jdbc:wafer:" + arrowRoot + ";threads=1"));
  }

  /**
   * Wafer over the Parquet copy as {@code wafer ingest} makes it: a user's table, whose strings
   * the writer dictionary-encodes per file, not the generator's table with shared dictionaries.
   */
  static Engine waferIngested(Path ingestedRoot, int threads) throws SQLException {
    return simple("wafer_ingested", DriverManager.getConnection("jdbc:wafer:" + ingestedRoot + ";threads=" + threads));
  }

  /** DuckDB reading the hive-partitioned Parquet copy on every query. */
  static Engine duckdbParquet(Path parquetRoot, int threads) throws SQLException {
    return duckdb("duckdb_parquet", "VIEW", parquetRoot, threads);
  }

  /** DuckDB over Parquet with one thread: DuckDB's own thread scaling, on this machine, in the same run. */
  static Engine duckdbParquetOneThread(Path parquetRoot) throws SQLException {
    return duckdb("duckdb_parquet_1t", "VIEW", parquetRoot, 1);
  }

  /** DuckDB on in-memory tables loaded from the Parquet copy (its best case). */
  static Engine duckdbMemory(Path parquetRoot, int threads) throws SQLException {
    return duckdb("duckdb_memory", "TABLE", parquetRoot, threads);
  }

  private static Engine duckdb(String name, String kind, Path parquetRoot, int threads)
      throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = c.createStatement()) {
      s.execute("SET threads = " + threads);
      for (String t : new String[] {"test_results", "specs"}) {
        s.execute("CREATE " + kind + " " + t + " AS SELECT * FROM read_parquet('"
            + parquetRoot.resolve(t) + "/**/*.parquet', hive_partitioning = true)");
      }
    }
    return simple(name, c);
  }

  private static Engine simple(String name, Connection c) {
    return new Engine() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Connection connection() {
        return c;
      }

      @Override
      public void close() throws SQLException {
        c.close();
      }
    };
  }
}
