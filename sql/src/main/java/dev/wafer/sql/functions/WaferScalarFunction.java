package dev.wafer.sql.functions;

import dev.wafer.functions.ScalarFunction;
import dev.wafer.functions.Signature;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.schema.ImplementableFunction;

/**
 * A Wafer scalar function as a Calcite user-defined function. The generated code calls
 * {@link ScalarBridge}; NULL arguments reach the function (NullPolicy NONE), which decides.
 */
final class WaferScalarFunction extends SignatureFunction
    implements org.apache.calcite.schema.ScalarFunction, ImplementableFunction {

  WaferScalarFunction(String name, Signature signature, ScalarFunction function) {
    super(name, signature, function);
  }

  @Override
  public CallImplementor getImplementor() {
    return RexImpTable.createImplementor((translator, call, operands) -> {
      List<Expression> args = new ArrayList<>(operands.size() + 1);
      args.add(Expressions.constant(handle()));
      Expression value;
      int n = operands.size();
      if (n == 0 || n > ScalarBridge.MAX_REUSED_ARITY) {
        args.add(Expressions.newArrayInit(Object.class, operands.stream().map(Expressions::box).toList()));
        value = Expressions.call(SignatureTypes.method(ScalarBridge.class, "applyArray", int.class, Object[].class), args);
      } else {
        operands.forEach(o -> args.add(Expressions.box(o)));
        Class<?>[] types = new Class<?>[n + 1];
        java.util.Arrays.fill(types, Object.class);
        types[0] = int.class;
        value = Expressions.call(SignatureTypes.method(ScalarBridge.class, "apply", types), args);
      }
      return SignatureTypes.result(value, signature().returnType());
    }, NullPolicy.NONE, false);
  }
}
