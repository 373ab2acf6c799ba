package dev.wafer.sql;

import java.lang.reflect.Type;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.prepare.CalcitePrepareImpl;

/**
 * Calcite's statement preparation with the prepared plans of each connection kept by SQL text:
 * dashboards send the same statements again and again, and parsing, validating, planning and
 * compiling a query costs 10–25 ms here, more than scanning a day of data. A plan is reused only
 * on the same connection (so the same schema snapshot, functions and properties), with the same
 * default schema, element type and row limit, and only for queries: DDL and DML
 * are prepared every time. A cached plan reads the data anew at each execution; the table
 * layouts it plans against are, like the connection's schema, fixed for the connection's life.
 */
final class PlanCache extends CalcitePrepareImpl {
  /** Plans kept per connection, least recently used first out. */
  static final int PER_CONNECTION = 256;
  private static final Map<Object, Map<Key, CalciteSignature<?>>> PLANS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private record Key(String sql, List<String> schemaPath, Type elementType, long maxRowCount) {}

  @Override
  @SuppressWarnings("unchecked")
  public <T> CalciteSignature<T> prepareSql(Context context, CalcitePrepare.Query<T> query, Type elementType,
      long maxRowCount) {
    // the connection's own root schema stands for it; getDataContext() would build a data context
    // (time zone, calendar, variables) per call, a tenth of what a cached statement costs Calcite
    Object connection = context.getMutableRootSchema();
    if (query.sql == null || connection == null) {
      return super.prepareSql(context, query, elementType, maxRowCount);
    }
    Map<Key, CalciteSignature<?>> plans = PLANS.computeIfAbsent(connection, c -> lru());
    Key key = new Key(query.sql, List.copyOf(context.getDefaultSchemaPath()), elementType, maxRowCount);
    CalciteSignature<?> hit;
    synchronized (plans) {
      hit = plans.get(key);
    }
    if (hit != null) {
      return (CalciteSignature<T>) hit;
    }
    CalciteSignature<T> prepared = super.prepareSql(context, query, elementType, maxRowCount);
    if (prepared.statementType == Meta.StatementType.SELECT) {
      synchronized (plans) {
        plans.put(key, prepared);
      }
    }
    return prepared;
  }

  /** Forgets a closed connection's plans. */
  static void forget(Connection connection) {
    PLANS.remove(rootSchema(connection));
  }

  /** Plans kept for a connection (for tests). */
  static int size(Connection connection) {
    Map<Key, CalciteSignature<?>> plans = PLANS.get(rootSchema(connection));
    if (plans == null) {
      return 0;
    }
    synchronized (plans) {
      return plans.size();
    }
  }

  /** What {@link #prepareSql} knows a connection by: its root schema; null when it is not Calcite's. */
  private static Object rootSchema(Connection connection) {
    try {
      return connection.isWrapperFor(CalciteConnection.class)
          ? CalciteSchema.from(connection.unwrap(CalciteConnection.class).getRootSchema()) : null;
    } catch (SQLException e) {
      return null;
    }
  }

  private static Map<Key, CalciteSignature<?>> lru() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, CalciteSignature<?>> eldest) {
        return size() > PER_CONNECTION;
      }
    };
  }
}
