package dev.wafer.sql.functions;

import static java.util.Objects.requireNonNull;

import dev.wafer.functions.Signature;
import java.lang.reflect.Type;
import java.util.List;
import org.apache.calcite.adapter.enumerable.AggAddContext;
import org.apache.calcite.adapter.enumerable.AggContext;
import org.apache.calcite.adapter.enumerable.AggImplementor;
import org.apache.calcite.adapter.enumerable.AggResetContext;
import org.apache.calcite.adapter.enumerable.AggResultContext;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rex.RexNode;

/**
 * Generates the row-engine code of a Wafer aggregate or running function. The state is one
 * {@link RowState} per group (or window frame); per row the generated code sets the argument
 * slots and calls {@code add()}, so a row costs a few calls and no allocation:
 *
 * <pre>
 *   reset:  acc = RowState.aggregate(17, 3);
 *   add:    acc.setDouble(0, test_value); acc.setObject(1, lo_limit); acc.setObject(2, hi_limit); acc.add();
 *   result: Values.asDouble(acc.result())
 * </pre>
 *
 * <p>Unlike Calcite's strict implementors, a row with a NULL argument is still added: Wafer's
 * functions define their own NULL handling (NULL x is skipped, a NULL limit means no limit).
 * A {@code FILTER (WHERE ...)} clause guards the add.
 */
final class RowStateImplementor implements AggImplementor {
  private final String factory;
  private final int handle;
  private final Signature signature;

  /** @param factory the static {@link RowState} factory: {@code aggregate} or {@code running} */
  RowStateImplementor(String factory, int handle, Signature signature) {
    this.factory = requireNonNull(factory, "factory is null");
    this.handle = handle;
    this.signature = requireNonNull(signature, "signature is null");
  }

  @Override
  public List<Type> getStateType(AggContext info) {
    return List.of(RowState.class);
  }

  @Override
  public void implementReset(AggContext info, AggResetContext reset) {
    Expression state = reset.accumulator().get(0);
    reset.currentBlock().add(Expressions.statement(Expressions.assign(state,
        Expressions.call(SignatureTypes.method(RowState.class, factory, int.class, int.class),
            Expressions.constant(handle), Expressions.constant(signature.arity())))));
  }

  @Override
  public void implementAdd(AggContext info, AggAddContext add) {
    RexNode filter = add.rexFilterArgument();
    if (filter == null) {
      addRow(add, add.currentBlock());
      return;
    }
    // A NULL filter value does not add the row, as FILTER (WHERE ...) requires.
    Expression condition = add.rowTranslator().translateList(List.of(filter), RexImpTable.NullAs.FALSE).get(0);
    BlockBuilder then = add.nestBlock();
    addRow(add, then);
    add.exitBlock();
    add.currentBlock().add(Expressions.ifThen(condition, then.toBlock()));
  }

  private static void addRow(AggAddContext add, BlockBuilder block) {
    Expression state = add.accumulator().get(0);
    List<Expression> arguments = add.arguments();
    for (int i = 0; i < arguments.size(); i++) {
      block.add(Expressions.statement(SignatureTypes.setSlot(state, i, arguments.get(i))));
    }
    block.add(Expressions.statement(Expressions.call(state, SignatureTypes.method(RowState.class, "add"))));
  }

  @Override
  public Expression implementResult(AggContext info, AggResultContext result) {
    Expression value = Expressions.call(result.accumulator().get(0), SignatureTypes.method(RowState.class, "result"));
    return EnumUtils.convert(SignatureTypes.result(value, signature.returnType()), info.returnType());
  }
}
