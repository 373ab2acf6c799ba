package dev.wafer.functions;

/**
 * A plugin or built-in SQL function computing one value per row. Implementations are
 * stateless and thread-safe.
 */
public interface ScalarFunction {
  /** Name, signatures and documentation. */
  FunctionMetadata metadata();

  /**
   * Evaluates the function on one row.
   *
   * @param arguments the row's argument values, in signature order
   * @return the result (a Double, Long, Boolean or String), or null for SQL NULL
   */
  Object apply(Arguments arguments);

  /** A scalar function from its metadata and a body (which must be thread-safe). */
  static ScalarFunction of(FunctionMetadata metadata, java.util.function.Function<Arguments, Object> body) {
    java.util.Objects.requireNonNull(metadata, "metadata is null");
    java.util.Objects.requireNonNull(body, "body is null");
    return new ScalarFunction() {
      @Override
      public FunctionMetadata metadata() {
        return metadata;
      }

      @Override
      public Object apply(Arguments arguments) {
        return body.apply(arguments);
      }
    };
  }
}
