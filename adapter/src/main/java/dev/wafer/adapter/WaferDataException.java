package dev.wafer.adapter;

/** A table's files cannot be read; the message names the file (or files) and the reason. */
public final class WaferDataException extends RuntimeException {
  public WaferDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
