package dev.wafer.adapter.ingest.csv;

import dev.wafer.adapter.ingest.IngestException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads CSV records (RFC 4180: fields in double quotes may hold delimiters, newlines and
 * doubled quotes) with the 1-based line each starts on. Each physical line is decoded on its
 * own with a strict decoder, so a byte invalid in the encoding is reported with its exact line.
 * Encodings must be ASCII-compatible (UTF-8, ISO-8859-x, windows-125x): lines are split on the
 * byte {@code \n}.
 */
final class CsvReader implements AutoCloseable {
  private final Path file;
  private final InputStream in;
  private final CharsetDecoder decoder;
  private final char delimiter;
  private byte[] line = new byte[256];
  private long lineNumber;
  private long recordLine;
  private final List<String> fields = new ArrayList<>();
  private final StringBuilder field = new StringBuilder();

  CsvReader(Path file, InputStream in, Charset charset, char delimiter) throws IngestException {
    this.file = file;
    this.in = in;
    this.delimiter = delimiter;
    if (!Arrays.equals("\n,;\t\"".getBytes(charset), new byte[] {'\n', ',', ';', '\t', '"'})) {
      throw IngestException.ofFile(file, "encoding " + charset + " is not ASCII-compatible;"
          + " convert the file to UTF-8", null);
    }
    this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** Line on which the record last returned starts. */
  long line() {
    return recordLine;
  }

  /**
   * The next record's fields, or null at the end of the file. Blank lines are skipped.
   *
   * @throws IngestException for undecodable bytes or an unterminated quote
   */
  List<String> next() throws IOException {
    fields.clear();
    field.setLength(0);
    boolean quoted = false;
    boolean any = false;
    while (true) {
      String text = readLine();
      if (text == null) {
        if (quoted) {
          throw IngestException.atLine(file, recordLine, null, "quoted field not closed before the end of the file");
        }
        if (!any) {
          return null;
        }
        fields.add(field.toString());
        return fields;
      }
      if (!quoted) {
        if (!any && text.isEmpty()) {
          continue;
        }
        if (!any) {
          recordLine = lineNumber;
        }
      } else {
        field.append('\n');
      }
      any = true;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"') {
            if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
              field.append('"');
              i++;
            } else {
              quoted = false;
            }
          } else {
            field.append(c);
          }
        } else if (c == '"' && field.length() == 0) {
          quoted = true;
        } else if (c == delimiter) {
          fields.add(field.toString());
          field.setLength(0);
        } else {
          field.append(c);
        }
      }
      if (!quoted) {
        fields.add(field.toString());
        return fields;
      }
    }
  }

  /** One physical line, decoded, without its line end; null at the end of the stream. */
  private String readLine() throws IOException {
    int n = 0;
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (n == line.length) {
        line = Arrays.copyOf(line, n * 2);
      }
      line[n++] = (byte) b;
    }
    if (b < 0 && n == 0) {
      return null;
    }
    lineNumber++;
    if (n > 0 && line[n - 1] == '\r') {
      n--;
    }
    try {
      CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(line, 0, n));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw IngestException.atLine(file, lineNumber, null, "bytes invalid in " + decoder.charset()
          + " (" + e.getMessage() + ")");
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
