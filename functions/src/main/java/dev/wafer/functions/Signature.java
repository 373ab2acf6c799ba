package dev.wafer.functions;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One accepted call shape of a function: its typed parameters and its return type. A function
 * with an optional argument lists one signature per arity.
 *
 * @param parameters the arguments, in call order
 * @param returnType the SQL type of the result
 */
public record Signature(List<Parameter> parameters, SqlType returnType) {
  public Signature {
    parameters = List.copyOf(requireNonNull(parameters, "parameters is null"));
    requireNonNull(returnType, "returnType is null");
  }

  /** Shorthand: {@code Signature.of(SqlType.DOUBLE, "x", SqlType.NUMERIC, "p", SqlType.DOUBLE)}. */
  public static Signature of(SqlType returnType, Object... namesAndTypes) {
    if (namesAndTypes.length % 2 != 0) {
      throw new IllegalArgumentException("names and types must come in pairs");
    }
    Parameter[] ps = new Parameter[namesAndTypes.length / 2];
    for (int i = 0; i < ps.length; i++) {
      ps[i] = new Parameter((String) namesAndTypes[2 * i], (SqlType) namesAndTypes[2 * i + 1]);
    }
    return new Signature(List.of(ps), returnType);
  }

  public int arity() {
    return parameters.size();
  }

  /** Renders the call shape, e.g. {@code CPK(x NUMERIC, lsl DOUBLE, usl DOUBLE) -> DOUBLE}. */
  public String render(String functionName) {
    return functionName
        + parameters.stream().map(Parameter::toString).collect(Collectors.joining(", ", "(", ")"))
        + " -> " + returnType;
  }
}
