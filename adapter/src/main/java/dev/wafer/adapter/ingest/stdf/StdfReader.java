package dev.wafer.adapter.ingest.stdf;

import static java.util.Objects.requireNonNull;

import dev.wafer.adapter.ingest.IngestException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Reads the records of an STDF V4 stream one after another. The first record must be a FAR,
 * whose CPU_TYPE gives the byte order of everything after it (1: big-endian, 2: little-endian).
 * Each record is read whole into a reused buffer of exactly its header length, so no field can
 * be read from a neighbouring record; records not in {@link StdfRecordType} are skipped.
 *
 * <p>Errors name the file, the byte offset of the record and its type: a record whose length
 * runs past the end of the file, a header cut off by the end of the file, a file that does not
 * start with a FAR, and bytes after the MRR (which must be the last record).
 */
public final class StdfReader implements AutoCloseable {
  private static final int HEADER = 4;

  private final Path file;
  private final InputStream in;
  private final byte[] header = new byte[HEADER];
  private final byte[] body = new byte[65535];
  private final ByteBuffer bodyBuffer;
  private final StdfRecord record = new StdfRecord();
  private final ByteOrder order;
  private long position;
  private boolean sawMrr;
  private long records;
  /** Records read, by (REC_TYP << 8 | REC_SUB). */
  private final long[] counts = new long[1 << 16];

  /**
   * Starts reading: consumes and checks the FAR.
   *
   * @param file the name used in error messages
   * @param in the decompressed stream; closed by {@link #close()}
   */
  public StdfReader(Path file, InputStream in) throws IOException {
    this.file = requireNonNull(file, "file");
    this.in = requireNonNull(in, "in");
    int got = readFully(header, HEADER);
    if (got < HEADER || header[2] != 0 || header[3] != 10) {
      throw IngestException.atOffset(file, 0, "FAR", "not an STDF file: it does not start with a"
          + " FAR record (REC_TYP 0, REC_SUB 10)");
    }
    byte[] far = new byte[2];
    if (readFully(far, 2) < 2) {
      throw IngestException.atOffset(file, 0, "FAR", "file ends inside the FAR record");
    }
    int cpu = far[0] & 0xFF;
    if (cpu == 1) {
      order = ByteOrder.BIG_ENDIAN;
    } else if (cpu == 2) {
      order = ByteOrder.LITTLE_ENDIAN;
    } else {
      throw IngestException.atOffset(file, 0, "FAR.CPU_TYPE", "unsupported CPU_TYPE " + cpu
          + " (1 = big-endian and 2 = little-endian are supported)");
    }
    if ((far[1] & 0xFF) != 4) {
      throw IngestException.atOffset(file, 0, "FAR.STDF_VER", "STDF version " + (far[1] & 0xFF)
          + " is not supported (only V4)");
    }
    int farLength = ByteBuffer.wrap(header, 0, 2).order(order).getShort() & 0xFFFF;
    if (farLength < 2) {
      throw IngestException.atOffset(file, 0, "FAR", "FAR declares " + farLength + " bytes, needs 2");
    }
    position = HEADER + 2;
    skip(farLength - 2, 0, "FAR");
    bodyBuffer = ByteBuffer.wrap(body).order(order);
    records = 1;
    counts[StdfRecordType.code(0, 10)]++;
  }

  /** Byte order of the file, from the FAR. */
  public ByteOrder order() {
    return order;
  }

  /** Records read so far, including the FAR and skipped ones. */
  public long records() {
    return records;
  }

  /** Records read so far with this type and subtype (decoded or skipped). */
  public long count(int recTyp, int recSub) {
    return counts[StdfRecordType.code(recTyp, recSub)];
  }

  /** Bytes consumed so far. */
  public long position() {
    return position;
  }

  /**
   * Reads up to the next record Wafer decodes.
   *
   * @return that record (valid until the next call), or null at the end of the file
   */
  public StdfRecord next() throws IOException {
    while (true) {
      long at = position;
      int got = readFully(header, HEADER);
      if (got == 0) {
        return null;
      }
      if (sawMrr) {
        throw IngestException.atOffset(file, at, "after MRR",
            "unexpected data after the MRR, which must be the last record");
      }
      int recTyp = header[2] & 0xFF;
      int recSub = header[3] & 0xFF;
      StdfRecordType type = StdfRecordType.of(recTyp, recSub);
      String name = type != null ? type.name() : "record " + recTyp + "/" + recSub;
      if (got < HEADER) {
        throw IngestException.atOffset(file, at, name, "file ends inside a record header ("
            + got + " of 4 bytes)");
      }
      int length = (order == ByteOrder.BIG_ENDIAN)
          ? ((header[0] & 0xFF) << 8) | (header[1] & 0xFF)
          : ((header[1] & 0xFF) << 8) | (header[0] & 0xFF);
      position += HEADER;
      records++;
      counts[StdfRecordType.code(recTyp, recSub)]++;
      if (type == null) {
        skip(length, at, name);
        continue;
      }
      int read = readFully(body, length);
      position += read;
      if (read < length) {
        throw truncated(at, name, length, read);
      }
      if (type == StdfRecordType.MRR) {
        sawMrr = true;
      }
      record.decode(file, type, at, bodyBuffer, length);
      return record;
    }
  }

  private IngestException truncated(long at, String name, int length, long read) {
    return IngestException.atOffset(file, at, name, "truncated record: header declares "
        + length + " bytes but the file ends after " + read);
  }

  private void skip(int length, long at, String name) throws IOException {
    long left = length;
    while (left > 0) {
      int n = readFully(body, (int) Math.min(left, body.length));
      if (n == 0) {
        break;
      }
      left -= n;
      position += n;
    }
    if (left > 0) {
      throw truncated(at, name, length, length - left);
    }
  }

  /** Reads up to {@code n} bytes; fewer only at the end of the stream. */
  private int readFully(byte[] b, int n) throws IOException {
    int off = 0;
    while (off < n) {
      int r;
      try {
        r = in.read(b, off, n - off);
      } catch (IOException e) {
        throw IngestException.atOffset(file, position + off, null,
            "cannot read (corrupt compressed data?): " + e.getMessage(), e);
      }
      if (r < 0) {
        break;
      }
      off += r;
    }
    return off;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
