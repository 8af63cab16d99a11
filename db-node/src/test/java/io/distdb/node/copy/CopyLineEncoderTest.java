package io.distdb.node.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected lines as PostgreSQL 15's COPY TO writes them. */
class CopyLineEncoderTest {

  @Test
  void textEscapesControlCharactersBackslashAndDelimiter() {
    assertThat(line(CopyOptions.TEXT, "a\tb", "back\\slash", null, "l1\nl2\r", "é"))
        .isEqualTo("a\\tb\tback\\\\slash\t\\N\tl1\\nl2\\r\té\n");
    CopyOptions pipe = new CopyOptions(false, '|', "", '"', '"', false, false);
    assertThat(line(pipe, "a|b", "", null)).isEqualTo("a\\|b||\n");
  }

  @Test
  void csvQuotesOnlyWhatNeedsIt() {
    assertThat(line(CopyOptions.CSV, "plain", "a,b", "say \"hi\"", "", null, "l1\nl2", "\\."))
        .isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"\",,\"l1\nl2\",\"\\.\"\n");
    CopyOptions escaped = new CopyOptions(true, ',', "", '"', '\\', false, false);
    assertThat(line(escaped, "say \"hi\"", "x\\y")).isEqualTo("\"say \\\"hi\\\"\",x\\y\n");
  }

  @Test
  void headerLine() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new CopyLineEncoder(CopyOptions.CSV).header(List.of("id", "a,b"), out::write);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("id,\"a,b\"\n");
  }

  private static String line(CopyOptions options, String... fields) {
    CopyLineEncoder encoder = new CopyLineEncoder(options);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CopyLineEncoder.Sink sink = out::write;
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        encoder.delimiter(sink);
      }
      if (fields[i] == null) {
        encoder.nullField(sink);
      } else {
        byte[] b = fields[i].getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(new byte[] {'#'}, b.length + 1);
        System.arraycopy(b, 0, padded, 1, b.length);
        encoder.field(padded, 1, b.length, sink);
      }
    }
    encoder.endLine(sink);
    return out.toString(StandardCharsets.UTF_8);
  }
}
