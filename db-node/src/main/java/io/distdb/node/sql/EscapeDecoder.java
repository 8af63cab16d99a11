package io.distdb.node.sql;

/**
 * Decodes one backslash escape of an {@code E'...'} string, as PostgreSQL documents them: {@code \b
 * \f \n \r \t}, octal {@code \o..\ooo}, hex {@code \xh..\xhh}, backslash-u with 4 hex digits,
 * backslash-U with 8; any other escaped character stands for itself.
 */
final class EscapeDecoder {

  private EscapeDecoder() {}

  /**
   * Appends the character escaped at {@code pos} (just after the backslash) to {@code out}.
   *
   * @return the offset after the escape
   */
  static int decode(String s, int pos, StringBuilder out) {
    char c = s.charAt(pos);
    switch (c) {
      case 'b':
        out.append('\b');
        return pos + 1;
      case 'f':
        out.append('\f');
        return pos + 1;
      case 'n':
        out.append('\n');
        return pos + 1;
      case 'r':
        out.append('\r');
        return pos + 1;
      case 't':
        out.append('\t');
        return pos + 1;
      case 'x':
        return number(s, pos + 1, 16, 2, out, pos);
      case 'u':
        return number(s, pos + 1, 16, 4, out, pos);
      case 'U':
        return number(s, pos + 1, 16, 8, out, pos);
      default:
        if (c >= '0' && c <= '7') {
          return number(s, pos, 8, 3, out, pos);
        }
        out.append(c);
        return pos + 1;
    }
  }

  private static int number(
      String s, int from, int radix, int maxDigits, StringBuilder out, int esc) {
    int end = from;
    while (end < s.length()
        && end - from < maxDigits
        && Character.digit(s.charAt(end), radix) >= 0) {
      end++;
    }
    if (end == from) {
      // "\x" without digits is just "x", as in PostgreSQL.
      out.append(s.charAt(esc));
      return esc + 1;
    }
    out.appendCodePoint(Integer.parseInt(s.substring(from, end), radix));
    return end;
  }
}
