package dev.wafer.adapter;

import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite type system for Wafer connections: allows TIMESTAMP and TIME up to 6 fractional digits
 * (Calcite's default caps them at 3), so microsecond Arrow columns are declared TIMESTAMP(6) and
 * DECIMAL up to 38 digits, the precision of Arrow's Decimal128. Calcite's runtime still holds
 * timestamps as milliseconds, so sub-millisecond digits read as zero.
 *
 * <p>Strings of different lengths meeting in CASE, UNION or VALUES are typed VARCHAR rather than
 * blank-padded CHAR ("ragged" types), as DuckDB, Trino and the BI tools expect.
 */
public final class WaferTypeSystem extends RelDataTypeSystemImpl {
  public static final WaferTypeSystem INSTANCE = new WaferTypeSystem();

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    switch (typeName) {
      case TIME:
      case TIMESTAMP:
        return 6;
      case DECIMAL:
        return 38;
      default:
        return super.getMaxPrecision(typeName);
    }
  }
}
