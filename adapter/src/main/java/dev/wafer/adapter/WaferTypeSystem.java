package dev.wafer.adapter;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
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

  /**
   * SUM widens as DuckDB, Trino and PostgreSQL do: integers to BIGINT, decimals to the maximum
   * precision. Calcite's default keeps the argument type, so {@code SUM(CASE WHEN passed THEN
   * 1.0 ELSE 0.0 END)} (DECIMAL(2,1), a BI staple) overflows after ten rows.
   */
  @Override
  public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    switch (argumentType.getSqlTypeName()) {
      case TINYINT:
      case SMALLINT:
      case INTEGER:
        return typeFactory.createTypeWithNullability(
            typeFactory.createSqlType(SqlTypeName.BIGINT), argumentType.isNullable());
      case DECIMAL:
        return typeFactory.createTypeWithNullability(
            typeFactory.createSqlType(SqlTypeName.DECIMAL, getMaxNumericPrecision(),
                argumentType.getScale()), argumentType.isNullable());
      default:
        return super.deriveSumType(typeFactory, argumentType);
    }
  }

  /**
   * AVG of an exact number is DOUBLE, as in DuckDB, Trino and Spark: Calcite's default keeps the
   * argument type, so AVG of an INTEGER column truncates and AVG of DECIMAL(2,1) rounds to one
   * digit.
   */
  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    if (SqlTypeName.EXACT_TYPES.contains(argumentType.getSqlTypeName())) {
      return typeFactory.createTypeWithNullability(
          typeFactory.createSqlType(SqlTypeName.DOUBLE), argumentType.isNullable());
    }
    return super.deriveAvgAggType(typeFactory, argumentType);
  }

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
