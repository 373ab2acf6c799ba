package dev.wafer.sql.functions;

import static java.util.Objects.requireNonNull;

import dev.wafer.functions.Signature;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.Wrapper;

/**
 * One signature of a Wafer function as a Calcite schema function (Calcite resolves overloads
 * among functions of the same name by their parameters). {@link #unwrap} hands out the Wafer
 * function object, so planner rules can find the {@link dev.wafer.functions.AggregateFunction}
 * behind a {@code SqlUserDefinedAggFunction} without depending on this module:
 * {@code ((Wrapper) udaf.function).unwrap(dev.wafer.functions.AggregateFunction.class)}.
 */
abstract class SignatureFunction implements Function, Wrapper {
  private final String name;
  private final Signature signature;
  private final Object function;
  private final int handle;

  SignatureFunction(String name, Signature signature, Object function) {
    this.name = requireNonNull(name, "name is null");
    this.signature = requireNonNull(signature, "signature is null");
    this.function = requireNonNull(function, "function is null");
    this.handle = FunctionHandles.register(function);
  }

  String name() {
    return name;
  }

  Signature signature() {
    return signature;
  }

  /** The handle generated code uses to reach the function object. */
  int handle() {
    return handle;
  }

  @Override
  public List<FunctionParameter> getParameters() {
    return SignatureTypes.parameters(signature);
  }

  /** The declared return type (implements both Calcite's scalar and aggregate contracts). */
  public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
    return SignatureTypes.sqlType(typeFactory, signature.returnType());
  }

  @Override
  public <C> C unwrap(Class<C> aClass) {
    if (aClass.isInstance(function)) {
      return aClass.cast(function);
    }
    if (aClass.isInstance(signature)) {
      return aClass.cast(signature);
    }
    return aClass.isInstance(this) ? aClass.cast(this) : null;
  }

  @Override
  public String toString() {
    return signature.render(name);
  }
}
