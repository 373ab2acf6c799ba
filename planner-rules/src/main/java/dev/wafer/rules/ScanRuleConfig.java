package dev.wafer.rules;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * The configuration of a Wafer rule in Calcite's {@link RelRule} style, as a plain record (Calcite
 * generates its configs with the Immutables annotation processor, which Wafer does not use).
 *
 * @param relBuilderFactory builds the relational expressions the rule creates
 * @param description rule description, or null for the default (the class name)
 * @param operandSupplier the operands the rule matches
 * @param factory creates the rule from this configuration
 */
public record ScanRuleConfig(RelBuilderFactory relBuilderFactory, String description,
    RelRule.OperandTransform operandSupplier, Function<ScanRuleConfig, RelOptRule> factory)
    implements RelRule.Config {

  public ScanRuleConfig {
    requireNonNull(relBuilderFactory, "relBuilderFactory");
    requireNonNull(operandSupplier, "operandSupplier");
    requireNonNull(factory, "factory");
  }

  /** A configuration with Calcite's logical builder and the default description. */
  static ScanRuleConfig of(RelRule.OperandTransform operands, Function<ScanRuleConfig, RelOptRule> factory) {
    return new ScanRuleConfig(RelFactories.LOGICAL_BUILDER, null, operands, factory);
  }

  @Override
  public RelOptRule toRule() {
    return factory.apply(this);
  }

  @Override
  public ScanRuleConfig withRelBuilderFactory(RelBuilderFactory factory) {
    return new ScanRuleConfig(factory, description, operandSupplier, this.factory);
  }

  @Override
  public ScanRuleConfig withDescription(String newDescription) {
    return new ScanRuleConfig(relBuilderFactory, newDescription, operandSupplier, factory);
  }

  @Override
  public ScanRuleConfig withOperandSupplier(RelRule.OperandTransform transform) {
    return new ScanRuleConfig(relBuilderFactory, description, transform, factory);
  }
}
