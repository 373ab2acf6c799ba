package dev.wafer.adapter.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.Test;

/** The variable-width check accepts what Java's strict UTF-8 decoder accepts, and names bad values. */
class VariableWidthCheckTest {
  /** Code points at the edges of each UTF-8 length, and around the surrogates. */
  private static final int[] EDGES = {0x41, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000,
      0x10FFFF};

  @Test
  void utf8VerdictsMatchJavasStrictDecoder() {
    Random random = new Random(11);
    try (BufferAllocator allocator = new RootAllocator(); ArrowBuf buf = allocator.buffer(256)) {
      int invalid = 0;
      for (int round = 0; round < 20_000; round++) {
        byte[] bytes = randomBytes(random);
        buf.setBytes(0, bytes);
        boolean expected = strictlyDecodes(bytes);
        invalid += expected ? 0 : 1;
        assertThat(VariableWidthCheck.validUtf8(buf.memoryAddress(), bytes.length))
            .as("bytes %s", java.util.Arrays.toString(bytes)).isEqualTo(expected);
      }
      assertThat(invalid).as("the random inputs hold invalid ones too").isBetween(2_000, 18_000);
    }
  }

  @Test
  void acceptsGoodStringsAndNamesTheBadValue() throws IOException {
    try (BufferAllocator allocator = new RootAllocator(); VarCharVector v = new VarCharVector("s", allocator)) {
      String[] values = {"Idd", "", "Vdd µA", "汉字", "\uD83D\uDE00 ok"};
      for (int i = 0; i < values.length; i++) {
        v.setSafe(i, values[i].getBytes(StandardCharsets.UTF_8));
      }
      v.setNull(1);
      v.setValueCount(values.length);
      VariableWidthCheck.check(v);

      int vdd = v.getOffsetBuffer().getInt(2 * 4);
      v.getValidityBuffer().setByte(0, v.getValidityBuffer().getByte(0) & ~(1 << 2)); // value 2 becomes NULL
      v.getDataBuffer().setByte(vdd, 0xFF); // not UTF-8, but under a NULL slot
      VariableWidthCheck.check(v);

      v.getDataBuffer().setByte(v.getOffsetBuffer().getInt(3 * 4) + 1, 0x41); // break 汉's continuation byte
      assertThatThrownBy(() -> VariableWidthCheck.check(v)).isInstanceOf(IOException.class)
          .hasMessage("value 3 is not valid UTF-8");
    }
  }

  @Test
  void rejectsOffsetsThatFallBackOrLeaveTheData() {
    try (BufferAllocator allocator = new RootAllocator(); VarBinaryVector v = new VarBinaryVector("b", allocator)) {
      for (int i = 0; i < 4; i++) {
        v.setSafe(i, new byte[] {(byte) 0xFF, (byte) i}); // not UTF-8, and binary needs not be
      }
      v.setValueCount(4);
      ArrowBuf offsets = v.getOffsetBuffer();
      offsets.setInt(2 * 4, 1); // value 1 ends at 1, before it starts at 2
      assertThatThrownBy(() -> VariableWidthCheck.check(v)).hasMessageContaining("value 1 spans offsets 2 to 1");
      offsets.setInt(2 * 4, 4);
      offsets.setInt(4 * 4, (int) v.getDataBuffer().capacity() + 1);
      assertThatThrownBy(() -> VariableWidthCheck.check(v)).hasMessageContaining("value 3 spans offsets 6 to");
      offsets.setInt(4 * 4, 8);
      offsets.setInt(0, -1);
      assertThatThrownBy(() -> VariableWidthCheck.check(v)).hasMessageContaining("first offset -1");
    }
  }

  private static byte[] randomBytes(Random random) {
    StringBuilder s = new StringBuilder();
    int parts = random.nextInt(6);
    for (int p = 0; p < parts; p++) {
      int cp = random.nextBoolean() ? EDGES[random.nextInt(EDGES.length)] : random.nextInt(0x110000);
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        cp = 'x';
      }
      s.appendCodePoint(cp);
    }
    byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(3) == 0 && bytes.length > 0) {
      // damage: a random byte, or a lead byte that is always invalid (C0/C1 overlong, F5+, or an
      // encoded surrogate's ED A0)
      byte[] bad = {(byte) random.nextInt(256), (byte) 0xC0, (byte) 0xC1, (byte) 0xF5, (byte) 0xFF, (byte) 0x80};
      bytes[random.nextInt(bytes.length)] = bad[random.nextInt(bad.length)];
    } else if (random.nextInt(4) == 0 && bytes.length > 0) {
      bytes = java.util.Arrays.copyOf(bytes, bytes.length - 1); // maybe a truncated sequence
    } else if (random.nextInt(4) == 0) {
      bytes = new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}; // the surrogate U+D800, encoded
    }
    return bytes;
  }

  private static boolean strictlyDecodes(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
