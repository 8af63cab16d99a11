package io.distdb.node.copy;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one COPY line into fields: PostgreSQL's text format (backslash escapes, the NULL marker
 * compared before unescaping) or CSV (quotes, doubled or escaped quote characters, NULL only for an
 * unquoted field equal to the NULL string).
 */
final class LineSplitter {

  private final CopyOptions options;

  LineSplitter(CopyOptions options) {
    this.options = options;
  }

  /** The fields of {@code line} (no line terminator), or null for an unterminated CSV quote. */
  List<String> split(String line) {
    return options.csv() ? csv(line) : text(line);
  }

  private List<String> text(String line) {
    List<String> fields = new ArrayList<>();
    char delimiter = options.delimiter();
    StringBuilder field = new StringBuilder();
    int rawStart = 0;
    int i = 0;
    while (true) {
      if (i >= line.length() || line.charAt(i) == delimiter) {
        String raw = line.substring(rawStart, i);
        fields.add(raw.equals(options.nullString()) ? null : field.toString());
        field.setLength(0);
        if (i >= line.length()) {
          return fields;
        }
        rawStart = ++i;
        continue;
      }
      char c = line.charAt(i++);
      if (c != '\\' || i >= line.length()) {
        field.append(c);
        continue;
      }
      char e = line.charAt(i++);
      switch (e) {
        case 'b' -> field.append('\b');
        case 'f' -> field.append('\f');
        case 'n' -> field.append('\n');
        case 'r' -> field.append('\r');
        case 't' -> field.append('\t');
        case 'v' -> field.append('\u000b');
        case 'x' -> i = hex(line, i, field);
        default -> {
          if (e >= '0' && e <= '7') {
            i = octal(line, i - 1, field);
          } else {
            field.append(e);
          }
        }
      }
    }
  }

  /** {@code \xh} or {@code \xhh}; a bare {@code \x} is the letter x, as in PostgreSQL. */
  private static int hex(String line, int at, StringBuilder field) {
    int value = 0;
    int digits = 0;
    while (digits < 2 && at + digits < line.length()) {
      int d = Character.digit(line.charAt(at + digits), 16);
      if (d < 0) {
        break;
      }
      value = value * 16 + d;
      digits++;
    }
    if (digits == 0) {
      field.append('x');
      return at;
    }
    field.append((char) value);
    return at + digits;
  }

  private static int octal(String line, int at, StringBuilder field) {
    int value = 0;
    int digits = 0;
    while (digits < 3 && at + digits < line.length()) {
      char c = line.charAt(at + digits);
      if (c < '0' || c > '7') {
        break;
      }
      value = value * 8 + (c - '0');
      digits++;
    }
    field.append((char) (value & 0xff));
    return at + digits;
  }

  private List<String> csv(String line) {
    List<String> fields = new ArrayList<>();
    char delimiter = options.delimiter();
    char quote = options.quote();
    char escape = options.escape();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean inQuote = false;
    int rawStart = 0;
    int i = 0;
    while (true) {
      if (i >= line.length() || (!inQuote && line.charAt(i) == delimiter)) {
        if (inQuote) {
          return null;
        }
        String raw = line.substring(rawStart, i);
        fields.add(!quoted && raw.equals(options.nullString()) ? null : field.toString());
        field.setLength(0);
        quoted = false;
        if (i >= line.length()) {
          return fields;
        }
        rawStart = ++i;
        continue;
      }
      char c = line.charAt(i++);
      if (inQuote) {
        if (c == escape
            && i < line.length()
            && (line.charAt(i) == quote || line.charAt(i) == escape)
            && (escape != quote || line.charAt(i) == quote)) {
          field.append(line.charAt(i++));
        } else if (c == quote) {
          inQuote = false;
        } else {
          field.append(c);
        }
      } else if (c == quote) {
        inQuote = true;
        quoted = true;
      } else {
        field.append(c);
      }
    }
  }
}
