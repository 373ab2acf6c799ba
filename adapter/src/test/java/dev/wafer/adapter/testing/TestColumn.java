package dev.wafer.adapter.testing;

import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * A column of a test file: name, Arrow value type, and whether strings are dictionary-encoded.
 *
 * @param name column name
 * @param type Arrow value type
 * @param dictionary write as Int32 indices into a per-file dictionary (strings only)
 */
public record TestColumn(String name, ArrowType type, boolean dictionary) {
  public static TestColumn of(String name, ArrowType type) {
    return new TestColumn(name, type, false);
  }

  public static TestColumn dict(String name) {
    return new TestColumn(name, ArrowType.Utf8.INSTANCE, true);
  }
}
