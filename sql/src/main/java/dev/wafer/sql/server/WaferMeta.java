package dev.wafer.sql.server;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.Collections;
import java.util.WeakHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.AvaticaUtils;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.jdbc.StatementInfo;
import org.apache.calcite.avatica.proto.Requests;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * Avatica's {@link JdbcMeta} over the embedded Wafer driver, with the server's rules around every
 * statement: the {@link ReadOnlyGuard}, admission through the {@link QueryGate}, the query
 * timeout, stopping a statement when its client closes it, and the query log and metrics (through
 * the {@link QueryTracker}). Connections always open the server's dataset URL: properties a client
 * sends are ignored, so no client can point Calcite at another schema, model file or driver.
 */
public final class WaferMeta extends JdbcMeta {
  /** SQLSTATE of a statement stopped by timeout, cancel or shutdown: "query canceled". */
  public static final String CANCELED_SQLSTATE = "57014";

  private final QueryGate gate;
  private final QueryTracker tracker;
  private final Map<Integer, String> preparedSql = new ConcurrentHashMap<>();
  /** Engine statements by JdbcMeta's record of them; weak, so expiry in JdbcMeta's cache frees them. */
  private final Map<StatementInfo, Statement> statements = Collections.synchronizedMap(new WeakHashMap<>());

  WaferMeta(String url, Properties cacheSettings, QueryGate gate, QueryTracker tracker) throws SQLException {
    super(url, cacheSettings);
    this.gate = requireNonNull(gate, "gate");
    this.tracker = requireNonNull(tracker, "tracker");
  }

  @Override
  protected Connection createConnection(String url, Properties clientInfo) throws SQLException {
    return DriverManager.getConnection(url, new Properties());
  }

  // createStatement and prepare do what JdbcMeta's do, but keep the engine statement: JdbcMeta's
  // StatementInfo hides it, and a timeout or a client's close must be able to cancel it.
  @Override
  public StatementHandle createStatement(ConnectionHandle ch) {
    try {
      Statement statement = getConnection(ch.id).createStatement();
      return register(ch, statement, null);
    } catch (SQLException e) {
      throw new RuntimeException(e);
    }
  }

  @Override
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    guard(sql);
    try {
      PreparedStatement statement = getConnection(ch.id).prepareStatement(sql);
      StatementType type = statement.isWrapperFor(AvaticaPreparedStatement.class)
          ? statement.unwrap(AvaticaPreparedStatement.class).getStatementType() : null;
      if (maxRowCount > 0) {
        AvaticaUtils.setLargeMaxRows(statement, maxRowCount);
      }
      Signature signature = signature(statement.getMetaData(), statement.getParameterMetaData(), sql, type);
      StatementHandle h = register(ch, statement, signature);
      preparedSql.put(h.id, sql);
      return h;
    } catch (SQLException e) {
      throw new AvaticaRuntimeException(ErrorMessages.describe(e), e.getErrorCode(),
          e.getSQLState() == null ? "HY000" : e.getSQLState(), AvaticaSeverity.ERROR);
    }
  }

  private StatementHandle register(ConnectionHandle ch, Statement statement, Signature signature) {
    int id = getStatementIdGenerator().getAndIncrement();
    StatementInfo info = new StatementInfo(statement);
    statements.put(info, statement);
    getStatementCache().put(id, info);
    return new StatementHandle(ch.id, id, signature);
  }

  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount, int maxRowsInFirstFrame,
      PrepareCallback callback) throws NoSuchStatementException {
    guard(sql);
    Statement statement = statement(h);
    return execute(h, sql, statement,
        () -> uncheck(() -> super.prepareAndExecute(h, sql, maxRowCount, maxRowsInFirstFrame, callback)));
  }

  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
      throws NoSuchStatementException {
    Statement statement = statement(h);
    String sql = preparedSql.getOrDefault(h.id, "<prepared statement " + h.id + ">");
    return execute(h, sql, statement, () -> uncheck(() -> super.execute(h, parameterValues, maxRowsInFirstFrame)));
  }

  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    RunningQuery q = tracker.get(h.id);
    if (q == null) {
      return super.fetch(h, offset, fetchMaxRowCount);
    }
    try (QueryGate.Slot slot = enter(q.sql)) {
      q.inFlight.incrementAndGet();
      try {
        Frame frame = super.fetch(h, offset, fetchMaxRowCount);
        q.rows.addAndGet(count(frame.rows));
        if (frame.done) {
          tracker.finish(q, QueryOutcome.OK, null);
        }
        return frame;
      } catch (RuntimeException e) {
        throw failed(q, e);
      } finally {
        q.inFlight.decrementAndGet();
      }
    }
  }

  @Override
  public void closeStatement(StatementHandle h) {
    preparedSql.remove(h.id);
    tracker.closed(h.id);
    super.closeStatement(h);
  }

  @Override
  public void closeConnection(ConnectionHandle ch) {
    tracker.connectionClosed(ch.id);
    super.closeConnection(ch);
  }

  @Override
  public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands) {
    for (String sql : sqlCommands) {
      guard(sql);
    }
    throw refusedBatch();
  }

  @Override
  public ExecuteBatchResult executeBatch(StatementHandle h, List<List<TypedValue>> parameterValues) {
    throw refusedBatch();
  }

  @Override
  public ExecuteBatchResult executeBatchProtobuf(StatementHandle h, List<Requests.UpdateBatch> parameterValues) {
    throw refusedBatch();
  }

  /** Stops every running statement; used by shutdown after its grace period. */
  void stopAll() {
    tracker.stopAll();
  }

  /** Closes every engine connection (their statements with them); used by shutdown. */
  void closeAll() {
    getConnectionCache().invalidateAll();
    getStatementCache().invalidateAll();
  }

  private ExecuteResult execute(StatementHandle h, String sql, Statement statement, Supplier<ExecuteResult> call) {
    try (QueryGate.Slot slot = enter(sql)) {
      clearCancel(statement);
      RunningQuery q = tracker.start(h.connectionId, h.id, sql, statement);
      q.inFlight.incrementAndGet();
      try {
        ExecuteResult result = call.get();
        boolean done = true;
        for (MetaResultSet rs : result.resultSets) {
          if (rs.firstFrame != null) {
            q.rows.addAndGet(count(rs.firstFrame.rows));
            done &= rs.firstFrame.done;
          }
        }
        if (done) {
          tracker.finish(q, QueryOutcome.OK, null);
        }
        return result;
      } catch (RuntimeException e) {
        throw failed(q, e);
      } finally {
        q.inFlight.decrementAndGet();
      }
    }
  }

  /**
   * An engine statement stopped once (timeout, cancel) keeps its cancel flag set, and Avatica does
   * not clear it on the next execute; clear it, or a client reusing the statement fails at once.
   */
  private static void clearCancel(Statement statement) {
    try {
      AvaticaStatement s = statement.unwrap(AvaticaStatement.class);
      s.getConnection().unwrap(AvaticaConnection.class).getCancelFlag(s.handle).set(false);
    } catch (SQLException | NoSuchStatementException e) {
      throw new AvaticaRuntimeException(ErrorMessages.describe(e), 0, "HY000", AvaticaSeverity.ERROR);
    }
  }

  private QueryGate.Slot enter(String sql) {
    try {
      return gate.enter();
    } catch (SQLException e) {
      tracker.refused(sql, QueryOutcome.REJECTED, e.getMessage());
      throw new AvaticaRuntimeException(e.getMessage(), 0, e.getSQLState(), AvaticaSeverity.ERROR);
    }
  }

  private void guard(String sql) {
    try {
      ReadOnlyGuard.check(sql);
    } catch (SQLException e) {
      tracker.refused(sql, QueryOutcome.REFUSED, e.getMessage());
      throw new AvaticaRuntimeException(e.getMessage(), 0, e.getSQLState(), AvaticaSeverity.ERROR);
    }
  }

  private static AvaticaRuntimeException refusedBatch() {
    return new AvaticaRuntimeException("Wafer server is read-only: batches (INSERT/UPDATE/DELETE) are not allowed",
        0, ReadOnlyGuard.SQLSTATE, AvaticaSeverity.ERROR);
  }

  /** Ends a failed statement and turns the failure into the error the client sees. */
  private AvaticaRuntimeException failed(RunningQuery q, RuntimeException e) {
    QueryOutcome outcome = q.stopReason != null ? q.stopReason : QueryOutcome.ERROR;
    String message = switch (outcome) {
      case TIMEOUT -> "query stopped: it ran longer than the server's query timeout of "
          + tracker.timeout().toMillis() + " ms";
      case CANCELLED -> "query cancelled (statement or connection closed, or server shutting down)";
      default -> ErrorMessages.describe(e);
    };
    tracker.finish(q, outcome, message);
    SQLException sql = ErrorMessages.sqlException(e);
    String state = outcome == QueryOutcome.ERROR
        ? (sql != null && sql.getSQLState() != null ? sql.getSQLState() : "HY000") : CANCELED_SQLSTATE;
    int code = outcome == QueryOutcome.ERROR && sql != null ? sql.getErrorCode() : 0;
    return new AvaticaRuntimeException(message, code, state, AvaticaSeverity.ERROR);
  }

  private Statement statement(StatementHandle h) throws NoSuchStatementException {
    StatementInfo info = getStatementCache().getIfPresent(h.id);
    Statement statement = info == null ? null : statements.get(info);
    if (statement == null) {
      throw new NoSuchStatementException(h);
    }
    return statement;
  }

  private static long count(Iterable<Object> rows) {
    if (rows instanceof Collection<?> c) {
      return c.size();
    }
    long n = 0;
    for (Object ignored : rows) {
      n++;
    }
    return n;
  }

  /** A JdbcMeta call whose checked exception is rethrown unchecked (JdbcMeta wraps SQLExceptions the same way). */
  private interface MetaCall<T> {
    T call() throws NoSuchStatementException;
  }

  private static <T> T uncheck(MetaCall<T> call) {
    try {
      return call.call();
    } catch (NoSuchStatementException e) {
      throw new RuntimeException(e);
    }
  }
}
