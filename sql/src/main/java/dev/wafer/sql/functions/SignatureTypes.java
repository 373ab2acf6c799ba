package dev.wafer.sql.functions;

import dev.wafer.functions.Parameter;
import dev.wafer.functions.Signature;
import dev.wafer.functions.SqlType;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Primitive;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Maps a Wafer {@link Signature} to Calcite: SQL types of parameters and result, and the
 * expressions generated code uses to pass arguments in and read results out.
 *
 * <p>Every parameter and result is nullable: functions document their own NULL behaviour (a
 * NULL limit means "no limit"), so Calcite must pass NULLs through rather than skip the row or
 * the call. {@link SqlType#NUMERIC} maps to DOUBLE, whose type family (NUMERIC) lets the
 * validator accept any numeric column.
 */
final class SignatureTypes {
  private SignatureTypes() {}

  static RelDataType sqlType(RelDataTypeFactory typeFactory, SqlType type) {
    SqlTypeName name = switch (type) {
      case NUMERIC, DOUBLE -> SqlTypeName.DOUBLE;
      case BIGINT -> SqlTypeName.BIGINT;
      case BOOLEAN -> SqlTypeName.BOOLEAN;
      case VARCHAR -> SqlTypeName.VARCHAR;
      case ANY -> SqlTypeName.ANY;
    };
    return typeFactory.createTypeWithNullability(typeFactory.createSqlType(name), true);
  }

  static List<FunctionParameter> parameters(Signature signature) {
    List<FunctionParameter> list = new ArrayList<>(signature.arity());
    for (int i = 0; i < signature.arity(); i++) {
      list.add(new SignatureParameter(i, signature.parameters().get(i)));
    }
    return List.copyOf(list);
  }

  /** A statement-ready call setting slot {@code i} of {@code slots}, keeping primitives unboxed. */
  static Expression setSlot(Expression slots, int i, Expression value) {
    Type t = value.getType();
    Primitive p = Primitive.of(t);
    if (p == null || p == Primitive.CHAR) {
      return Expressions.call(slots, method(SlotArguments.class, "setObject", int.class, Object.class),
          Expressions.constant(i), Expressions.box(value));
    }
    Class<?> slotType = p == Primitive.BOOLEAN ? boolean.class
        : p == Primitive.DOUBLE || p == Primitive.FLOAT ? double.class : long.class;
    String name = "set" + Character.toUpperCase(slotType.getName().charAt(0)) + slotType.getName().substring(1);
    return Expressions.call(slots, method(SlotArguments.class, name, int.class, slotType), Expressions.constant(i),
        Expressions.convert_(value, slotType));
  }

  /** Converts an expression of type Object (a function's result) to the return type's Java class. */
  static Expression result(Expression object, SqlType returnType) {
    String name = switch (returnType) {
      case NUMERIC, DOUBLE -> "asDouble";
      case BIGINT -> "asLong";
      case BOOLEAN -> "asBoolean";
      case VARCHAR -> "asString";
      case ANY -> null;
    };
    return name == null ? object : Expressions.call(method(Values.class, name, Object.class), object);
  }

  /**
   * A public method for generated code. Calling by {@link java.lang.reflect.Method} rather than by
   * name: linq4j's lookup by name wants exact argument types (a Double for an Object parameter fails).
   */
  static Method method(Class<?> owner, String name, Class<?>... parameterTypes) {
    try {
      return owner.getMethod(name, parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("bridge method " + owner.getSimpleName() + "." + name + " is missing", e);
    }
  }

  /** A Calcite parameter for one {@link Parameter} of a signature; never optional (one function per arity). */
  private record SignatureParameter(int ordinal, Parameter parameter) implements FunctionParameter {
    @Override
    public int getOrdinal() {
      return ordinal;
    }

    @Override
    public String getName() {
      return parameter.name();
    }

    @Override
    public RelDataType getType(RelDataTypeFactory typeFactory) {
      return sqlType(typeFactory, parameter.type());
    }

    @Override
    public boolean isOptional() {
      return false;
    }
  }
}
