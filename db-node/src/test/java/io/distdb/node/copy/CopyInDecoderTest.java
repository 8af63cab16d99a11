package io.distdb.node.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyInDecoderTest {

  private static final List<String> ABC = List.of("a", "b", "c");

  @Test
  void textFormatEscapesAndNulls() throws Exception {
    List<CopyRow> rows =
        decodeWhole(CopyOptions.TEXT, "1\tx\\ty\t\\N\n2\t\\\\back\\x41\\101\\n\t\n");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).fields()).containsExactly("1", "x\ty", null);
    assertThat(rows.get(1).fields()).containsExactly("2", "\\backAA\n", "");
    assertThat(rows.get(1).line()).isEqualTo(2);
  }

  @Test
  void csvQuotesSpanLinesAndDistinguishNullFromEmpty() throws Exception {
    CopyOptions header = new CopyOptions(true, ',', "", '"', '"', true, false);
    List<CopyRow> rows =
        decodeWhole(header, "a,b,c\r\n1,\"multi\nline, \"\"quoted\"\"\",\r\n2,\"\",x");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).fields()).containsExactly("1", "multi\nline, \"quoted\"", null);
    assertThat(rows.get(1).fields()).containsExactly("2", "", "x");
    assertThat(rows.get(1).line()).isEqualTo(3);
  }

  @Test
  void everyCutOfTheStreamGivesTheSameRows() throws Exception {
    String input = "1,\"a,\"\"b\"\"\nc\",\\N\n2,é€,\n";
    CopyOptions csv = CopyOptions.CSV;
    List<String> whole = render(decodeWhole(csv, input));
    byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
    for (int cut = 1; cut < bytes.length; cut++) {
      CopyInDecoder d = new CopyInDecoder(csv, ABC, "t");
      List<CopyRow> rows = new ArrayList<>(d.feed(Arrays.copyOfRange(bytes, 0, cut)));
      rows.addAll(d.feed(Arrays.copyOfRange(bytes, cut, bytes.length)));
      rows.addAll(d.finish());
      assertThat(render(rows)).as("cut at %d", cut).isEqualTo(whole);
    }
    // One byte at a time, as the protocol may deliver it.
    CopyInDecoder d = new CopyInDecoder(CopyOptions.TEXT, ABC, "t");
    List<CopyRow> rows = new ArrayList<>();
    for (byte b : "1\tx\\\ty\t3\n".getBytes(StandardCharsets.UTF_8)) {
      rows.addAll(d.feed(new byte[] {b}));
    }
    assertThat(rows.get(0).fields()).containsExactly("1", "x\ty", "3");
  }

  @Test
  void endOfDataMarkerStopsInput() throws Exception {
    assertThat(decodeWhole(CopyOptions.TEXT, "1\t2\t3\n\\.\ngarbage\n")).hasSize(1);
  }

  @Test
  void formatErrorsAsPostgresReportsThem() {
    assertError(
        CopyOptions.TEXT,
        "1\tx\n",
        "22P04",
        "missing data for column \"c\"",
        "COPY t, line 1: \"1\tx\"");
    assertError(
        CopyOptions.TEXT,
        "1\t2\t3\n1\t2\t3\t4\n",
        "22P04",
        "extra data after last expected column",
        "COPY t, line 2: \"1\t2\t3\t4\"");
    assertError(
        CopyOptions.CSV,
        "1,\"x\n",
        "22P04",
        "unterminated CSV quoted field",
        "COPY t, line 1: \"1,\"x\n\"");
    CopyOptions match = new CopyOptions(true, ',', "", '"', '"', true, true);
    assertError(
        match,
        "a,x,c\n",
        "22P04",
        "column name mismatch in header line field 2: got \"x\", expected \"b\"",
        "COPY t, line 1: \"a,x,c\"");
  }

  @Test
  void invalidUtf8Is22021() {
    CopyInDecoder d = new CopyInDecoder(CopyOptions.TEXT, List.of("a"), "t");
    assertThatThrownBy(() -> d.feed(new byte[] {'o', 'k', '\n', (byte) 0xff, '\n'}))
        .isInstanceOfSatisfying(
            CopyException.class,
            e -> {
              assertThat(e.sqlState()).isEqualTo("22021");
              assertThat(e.context()).isEqualTo("COPY t, line 2");
            });
  }

  private static void assertError(
      CopyOptions options, String input, String state, String message, String context) {
    assertThatThrownBy(() -> decodeWhole(options, input))
        .isInstanceOfSatisfying(
            CopyException.class,
            e -> {
              assertThat(e.sqlState()).isEqualTo(state);
              assertThat(e.getMessage()).isEqualTo(message);
              assertThat(e.context()).isEqualTo(context);
            });
  }

  private static List<CopyRow> decodeWhole(CopyOptions options, String input) throws CopyException {
    CopyInDecoder d = new CopyInDecoder(options, ABC, "t");
    List<CopyRow> rows = new ArrayList<>(d.feed(input.getBytes(StandardCharsets.UTF_8)));
    rows.addAll(d.finish());
    return rows;
  }

  private static List<String> render(List<CopyRow> rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.line() + ":" + Arrays.toString(r.fields())));
    return out;
  }
}
