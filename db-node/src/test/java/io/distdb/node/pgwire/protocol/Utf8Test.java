package io.distdb.node.pgwire.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

  private static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  @Test
  void validTextIsDecoded() {
    String s = "plain ascii, ä, € and 😀";
    assertThat(Utf8.decodeValue(s.getBytes(StandardCharsets.UTF_8))).isEqualTo(s);
  }

  @Test
  void invalidSequencesAreNamedLikePostgres() {
    // Each case: bytes, and the text PostgreSQL 15 prints for them.
    assertInvalid(bytes('a', 0xC3, 0x28), "0xc3 0x28");
    assertInvalid(bytes(0xFF), "0xff");
    assertInvalid(bytes(0x80, 'a'), "0x80");
    assertInvalid(bytes(0xC0, 0x80), "0xc0 0x80"); // overlong NUL
    assertInvalid(bytes(0xED, 0xA0, 0x80), "0xed 0xa0 0x80"); // surrogate
    assertInvalid(bytes(0xF4, 0x90, 0x80, 0x80), "0xf4 0x90 0x80 0x80"); // above U+10FFFF
    assertInvalid(bytes('x', 0xE2, 0x82), "0xe2 0x82"); // truncated at the end
    assertInvalid(bytes('a', 0x00, 'b'), "0x00");
  }

  private static void assertInvalid(byte[] input, String named) {
    assertThatThrownBy(() -> Utf8.decodeValue(input))
        .isInstanceOf(InvalidTextException.class)
        .hasMessage("invalid byte sequence for encoding \"UTF8\": " + named);
  }
}
