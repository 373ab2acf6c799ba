package dev.wafer.functions;

import static java.util.Objects.requireNonNull;

/**
 * One named, typed argument of a {@link Signature}.
 *
 * @param name the name used in documentation ({@code x}, {@code lsl})
 * @param type the accepted SQL type
 */
public record Parameter(String name, SqlType type) {
  public Parameter {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
  }

  @Override
  public String toString() {
    return name + " " + type;
  }
}
