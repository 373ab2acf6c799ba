package dev.wafer.adapter.ingest.stdf;

/**
 * The data types of STDF V4 fields (spec "Data Type Codes"), with how many bytes each takes.
 * Array types ({@code kx..}) repeat an element type a number of times given by an earlier
 * count field of the same record.
 */
enum StdfFieldType {
  U1(1), U2(2), U4(4), U8(8), I1(1), I2(2), I4(4), I8(8), R4(4), R8(8), C1(1), B1(1),
  /** String: a U1 length, then that many bytes. */
  CN(-1),
  /** String: a U2 length, then that many bytes (V4-2007). */
  SN(-1),
  /** Bytes: a U1 length, then that many bytes. */
  BN(-1),
  /** Bits: a U2 bit count, then ceil(count / 8) bytes. */
  DN(-1),
  /** Arrays of U1, U2, R4, N1 (two nibbles a byte) and Cn, counted by an earlier field. */
  KU1(1), KU2(2), KR4(4), KN1(-1), KCN(-1);

  /** Bytes of a fixed-width value or of one array element; -1 when variable. */
  final int width;

  StdfFieldType(int width) {
    this.width = width;
  }

  boolean isArray() {
    return name().startsWith("K");
  }

  static StdfFieldType parse(String code) {
    return valueOf(code.toUpperCase(java.util.Locale.ROOT));
  }
}
