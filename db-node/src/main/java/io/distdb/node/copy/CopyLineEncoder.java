package io.distdb.node.copy;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes values as COPY's text or CSV format, byte by byte on their UTF-8 text: every character the
 * formats treat specially is ASCII, so no multi-byte sequence is ever split or altered.
 * PostgreSQL's rules (CopyAttributeOutText / CopyAttributeOutCSV): text escapes backslash, the
 * delimiter and control characters; CSV quotes a field that holds the delimiter, a quote, a line
 * break, equals the NULL string or is {@code \.}.
 */
public final class CopyLineEncoder {

  /** Where encoded bytes go (a network buffer in the protocol layer). */
  public interface Sink {
    void write(int b);

    default void write(byte[] bytes) {
      for (byte b : bytes) {
        write(b);
      }
    }
  }

  private final CopyOptions options;
  private final byte[] nullBytes;

  public CopyLineEncoder(CopyOptions options) {
    this.options = options;
    this.nullBytes = options.nullString().getBytes(StandardCharsets.UTF_8);
  }

  public CopyOptions options() {
    return options;
  }

  /** Separates two fields. */
  public void delimiter(Sink out) {
    out.write(options.delimiter());
  }

  public void nullField(Sink out) {
    out.write(nullBytes);
  }

  public void endLine(Sink out) {
    out.write('\n');
  }

  /** One non-null field, {@code text[off, off + len)} being its value's text in UTF-8. */
  public void field(byte[] text, int off, int len, Sink out) {
    if (options.csv()) {
      csv(text, off, len, out);
    } else {
      text(text, off, len, out);
    }
  }

  /** The header line COPY TO writes first with {@code HEADER}. */
  public void header(List<String> names, Sink out) {
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        delimiter(out);
      }
      byte[] name = names.get(i).getBytes(StandardCharsets.UTF_8);
      field(name, 0, name.length, out);
    }
    endLine(out);
  }

  private void text(byte[] text, int off, int len, Sink out) {
    byte delimiter = (byte) options.delimiter();
    for (int i = off; i < off + len; i++) {
      byte b = text[i];
      char letter = escapeLetter(b);
      if (letter != 0) {
        out.write('\\');
        out.write(letter);
      } else if (b == '\\' || b == delimiter) {
        out.write('\\');
        out.write(b);
      } else {
        out.write(b);
      }
    }
  }

  /** The letter of a control character's backslash escape, or 0. */
  private static char escapeLetter(byte b) {
    return switch (b) {
      case '\b' -> 'b';
      case '\f' -> 'f';
      case '\n' -> 'n';
      case '\r' -> 'r';
      case '\t' -> 't';
      case 0x0b -> 'v';
      default -> 0;
    };
  }

  private void csv(byte[] text, int off, int len, Sink out) {
    byte quote = (byte) options.quote();
    byte escape = (byte) options.escape();
    if (!needsQuotes(text, off, len)) {
      for (int i = off; i < off + len; i++) {
        out.write(text[i]);
      }
      return;
    }
    out.write(quote);
    for (int i = off; i < off + len; i++) {
      byte b = text[i];
      if (b == quote || b == escape) {
        out.write(escape);
      }
      out.write(b);
    }
    out.write(quote);
  }

  private boolean needsQuotes(byte[] text, int off, int len) {
    if (len == nullBytes.length
        && java.util.Arrays.equals(text, off, off + len, nullBytes, 0, len)) {
      return true;
    }
    if (len == 2 && text[off] == '\\' && text[off + 1] == '.') {
      return true;
    }
    byte delimiter = (byte) options.delimiter();
    byte quote = (byte) options.quote();
    byte escape = (byte) options.escape();
    for (int i = off; i < off + len; i++) {
      byte b = text[i];
      if (b == delimiter || b == quote || b == '\n' || b == '\r') {
        return true;
      }
    }
    return false;
  }
}
