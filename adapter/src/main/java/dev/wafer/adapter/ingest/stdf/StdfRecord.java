package dev.wafer.adapter.ingest.stdf;

import dev.wafer.adapter.ingest.IngestException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One decoded record: where each field of its {@link StdfRecordType} layout starts inside the
 * record's bytes. Decoding walks the layout once and never looks past the length in the record
 * header; fields after that length are missing (STDF lets writers omit trailing fields), and a
 * field that would cross it is an error. Getters read straight from the bytes without
 * allocating (strings only on request); a missing field reads as 0, NaN or empty.
 *
 * <p>One instance is reused for every record of a file.
 */
public final class StdfRecord {
  private StdfRecordType type;
  private long offset;
  private ByteBuffer data;
  private int length;
  private int[] start = new int[64];
  private int[] count = new int[64];

  /** Decodes the field positions of a record whose body is {@code data[0, length)}. */
  void decode(Path file, StdfRecordType type, long offset, ByteBuffer data, int length)
      throws IngestException {
    this.type = type;
    this.offset = offset;
    this.data = data;
    this.length = length;
    int n = type.fieldCount();
    int pos = 0;
    for (int i = 0; i < n; i++) {
      if (pos >= length) {
        for (int j = i; j < n; j++) {
          start[j] = -1;
          count[j] = 0;
        }
        return;
      }
      StdfFieldType t = type.types[i];
      int elements = type.countField[i] >= 0 ? count[type.countField[i]] : 0;
      int size = size(t, pos, elements, length);
      if (size < 0 || pos + size > length) {
        throw IngestException.atOffset(file, offset, type.name() + "." + type.names[i],
            "field runs past the end of the record (record body is " + length + " bytes, field starts at "
                + pos + ")");
      }
      start[i] = pos;
      count[i] = t.isArray() ? elements : countOf(t, pos);
      pos += size;
    }
  }

  /** Bytes taken by a field at {@code pos}, or -1 when its own length prefix is cut off. */
  private int size(StdfFieldType t, int pos, int elements, int limit) {
    switch (t) {
      case CN:
      case BN:
        return 1 + u8(pos);
      case SN:
        return pos + 2 > limit ? -1 : 2 + u16(pos);
      case DN:
        return pos + 2 > limit ? -1 : 2 + (u16(pos) + 7) / 8;
      case KN1:
        return (elements + 1) / 2;
      case KCN: {
        int p = pos;
        for (int k = 0; k < elements; k++) {
          if (p >= limit) {
            return -1;
          }
          p += 1 + u8(p);
        }
        return p - pos;
      }
      default:
        return t.isArray() ? elements * t.width : t.width;
    }
  }

  /**
   * For a count-like field its value (so later arrays know their length), for a Cn string its
   * byte length; else 0.
   */
  private int countOf(StdfFieldType t, int pos) {
    switch (t) {
      case U1:
      case CN:
        return u8(pos);
      case U2:
        return u16(pos);
      default:
        return 0;
    }
  }

  private int u8(int pos) {
    return data.get(pos) & 0xFF;
  }

  private int u16(int pos) {
    return data.getShort(pos) & 0xFFFF;
  }

  public StdfRecordType type() {
    return type;
  }

  /** Byte offset of the record header in the (decompressed) file. */
  public long offset() {
    return offset;
  }

  /** Bytes of the record body, after the 4-byte header. */
  public int length() {
    return length;
  }

  /** Whether the record holds field {@code f} (it may have been omitted at the end). */
  public boolean has(int f) {
    return start[f] >= 0;
  }

  /** An unsigned integer field (U1, U2, U4) or a B1/C1 byte; 0 when missing. */
  public long unsigned(int f) {
    int p = start[f];
    if (p < 0) {
      return 0;
    }
    switch (type.types[f]) {
      case U1: case B1: case C1:
        return data.get(p) & 0xFFL;
      case U2:
        return data.getShort(p) & 0xFFFFL;
      case U4:
        return data.getInt(p) & 0xFFFF_FFFFL;
      case U8:
        return data.getLong(p);
      default:
        throw new IllegalArgumentException(type + "." + type.names[f] + " is not unsigned");
    }
  }

  /** A signed integer field (I1, I2, I4); 0 when missing. */
  public int signed(int f) {
    int p = start[f];
    if (p < 0) {
      return 0;
    }
    switch (type.types[f]) {
      case I1:
        return data.get(p);
      case I2:
        return data.getShort(p);
      case I4:
        return data.getInt(p);
      default:
        throw new IllegalArgumentException(type + "." + type.names[f] + " is not signed");
    }
  }

  /** An R4 field widened exactly to double (R8 read as is); NaN when missing. */
  public double real(int f) {
    int p = start[f];
    if (p < 0) {
      return Double.NaN;
    }
    return type.types[f] == StdfFieldType.R8 ? data.getDouble(p) : (double) data.getFloat(p);
  }

  /** Byte length of a Cn string field; 0 when missing. */
  public int stringLength(int f) {
    return start[f] < 0 ? 0 : count[f];
  }

  /** Position of the first byte of a Cn string field in {@link #bytes()}. */
  public int stringStart(int f) {
    return start[f] + 1;
  }

  /** A Cn field as text (bytes read as ISO-8859-1, so any byte is a character). */
  public String string(int f) {
    int n = stringLength(f);
    if (n == 0) {
      return "";
    }
    byte[] b = new byte[n];
    data.get(start[f] + 1, b);
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  /** The record body; valid until the next record is read. */
  public ByteBuffer bytes() {
    return data;
  }

  /** Elements of an array field; 0 when missing. */
  public int count(int f) {
    return start[f] < 0 ? 0 : count[f];
  }

  /** Element {@code i} of a KU1 or KU2 array. */
  public int unsignedAt(int f, int i) {
    return type.types[f] == StdfFieldType.KU1
        ? data.get(start[f] + i) & 0xFF : data.getShort(start[f] + 2 * i) & 0xFFFF;
  }

  /** Element {@code i} of a KR4 array, widened exactly. */
  public double realAt(int f, int i) {
    return data.getFloat(start[f] + 4 * i);
  }

  /** Nibble {@code i} of a KN1 array (the low nibble of each byte comes first). */
  public int nibbleAt(int f, int i) {
    int b = data.get(start[f] + i / 2) & 0xFF;
    return (i & 1) == 0 ? b & 0x0F : b >>> 4;
  }
}
