package dev.wafer.adapter.exec;

import java.sql.SQLException;

/**
 * A scan failed: corrupt or unreadable input (the message names the file and the reason), a
 * cancelled statement, or an exceeded query timeout. Carries the SQLSTATE JDBC reports it with.
 */
public final class ScanException extends RuntimeException {
  /** SQLSTATE of corrupt or unreadable data (PostgreSQL's data_corrupted). */
  public static final String DATA_CORRUPTED = "XX001";
  /** SQLSTATE of an internal failure, e.g. no thread for a worker. */
  public static final String INTERNAL = "XX000";
  /** SQLSTATE of a cancelled statement (query_canceled). */
  public static final String CANCELED = "57014";
  /** SQLSTATE of an exceeded query memory limit (PostgreSQL's out_of_memory). */
  public static final String OUT_OF_MEMORY = "53200";
  /** SQLSTATE of an exceeded query timeout. */
  public static final String TIMEOUT = "HYT00";

  private final String sqlState;

  public ScanException(String message, String sqlState) {
    super(message);
    this.sqlState = sqlState;
  }

  public ScanException(String message, String sqlState, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
  }

  public String sqlState() {
    return sqlState;
  }

  /** This failure as the SQLException a JDBC caller expects. */
  public SQLException toSqlException() {
    return new SQLException(getMessage(), sqlState, this);
  }
}
