package dev.wafer.sql.cli;

import dev.wafer.adapter.WaferOptions;
import picocli.CommandLine;

/** Reads a byte count such as {@code 512m} or {@code 2g} for command-line options. */
final class ByteSize implements CommandLine.ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    long bytes;
    try {
      bytes = WaferOptions.parseSize(value);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a size (examples: 65536, 64k, 512m, 2g)");
    }
    if (bytes < 1) {
      throw new CommandLine.TypeConversionException("'" + value + "' must be positive");
    }
    return bytes;
  }
}
