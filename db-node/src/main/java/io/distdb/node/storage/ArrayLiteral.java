package io.distdb.node.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * PostgreSQL's array input syntax (array_in): {@code {1,2}}, {@code {"a b",c\,d,NULL}}, nested
 * braces for more dimensions ({@code {{1,2},{3,4}}}), and a leading dimension decoration ({@code
 * [1:2]={1,2}}) whose lower bounds are 1. Whitespace around an unquoted element is dropped, a
 * backslash takes the next character literally, and an unquoted, unescaped {@code NULL} (any case)
 * is the null element. Malformed text fails with PostgreSQL's message and detail (22P02).
 */
public final class ArrayLiteral {

  /** PostgreSQL's MAXDIM. */
  private static final int MAX_DIMENSIONS = 6;

  private final String text;
  private int pos;

  private ArrayLiteral(String text) {
    this.text = text;
  }

  /**
   * The elements: a String or null per element of a one-dimensional array; for more dimensions a
   * List per sub-array, nested.
   *
   * @throws TextInputException 22P02 for malformed text, 0A000 for lower bounds other than 1
   */
  public static List<Object> parse(String text) {
    return new ArrayLiteral(text).parse();
  }

  /** The number of dimensions of a parsed array (1 for an empty one). */
  public static int dimensions(List<Object> elements) {
    int n = 1;
    List<?> level = elements;
    while (!level.isEmpty() && level.get(0) instanceof List<?> inner) {
      n++;
      level = inner;
    }
    return n;
  }

  private List<Object> parse() {
    skipSpace();
    List<Integer> declared = null;
    if (peek() == '[') {
      declared = decoration();
    }
    if (peek() != '{') {
      throw malformed("Array value must start with \"{\" or dimension information.");
    }
    List<Object> elements = array(1);
    skipSpace();
    if (pos < text.length()) {
      throw malformed("Junk after closing right brace.");
    }
    checkShape(elements);
    if (declared != null) {
      List<Integer> actual = shape(elements);
      if (!actual.equals(declared)) {
        throw new TextInputException(
            "22P02",
            "malformed array literal: \"" + text + "\"",
            "Specified array dimensions do not match array contents.");
      }
    }
    return elements;
  }

  /** {@code [1:3][1:2]=}: the lengths; only lower bound 1 (the only one the engine can hold). */
  private List<Integer> decoration() {
    List<Integer> lengths = new ArrayList<>();
    while (peek() == '[') {
      pos++;
      int close = text.indexOf(']', pos);
      if (close < 0) {
        throw malformed("Missing \"]\" after array dimensions.");
      }
      String range = text.substring(pos, close).strip();
      pos = close + 1;
      int colon = range.indexOf(':');
      try {
        int lower = colon < 0 ? 1 : Integer.parseInt(range.substring(0, colon).strip());
        int upper = Integer.parseInt(range.substring(colon + 1).strip());
        if (upper < lower) {
          throw new TextInputException(
              "2202E", "upper bound cannot be less than lower bound", null);
        }
        if (lower != 1) {
          throw new TextInputException(
              "0A000", "array lower bounds other than 1 are not supported", null);
        }
        lengths.add(upper);
      } catch (NumberFormatException e) {
        throw malformed("\"[\" must introduce explicitly-specified array dimensions.");
      }
    }
    skipSpace();
    if (peek() != '=') {
      throw malformed("Missing \"=\" after array dimensions.");
    }
    pos++;
    skipSpace();
    return lengths;
  }

  /** At '{': the elements up to the matching '}'. */
  private List<Object> array(int depth) {
    if (depth > MAX_DIMENSIONS) {
      throw new TextInputException(
          "54000",
          "number of array dimensions (" + depth + ") exceeds the maximum allowed (6)",
          null);
    }
    pos++; // '{'
    List<Object> out = new ArrayList<>();
    skipSpace();
    if (peek() == '}') {
      pos++;
      return out;
    }
    while (true) {
      skipSpace();
      char c = peek();
      boolean subArrays = !out.isEmpty() && out.get(0) instanceof List<?>;
      if (c == '{') {
        if (!out.isEmpty() && !subArrays) {
          throw malformed("Unexpected \"{\" character.");
        }
        out.add(array(depth + 1));
      } else if (subArrays) {
        throw malformed("Unexpected array element.");
      } else if (c == '"') {
        out.add(quoted());
      } else {
        out.add(unquoted());
      }
      skipSpace();
      c = peek();
      if (c == ',') {
        pos++;
      } else if (c == '}') {
        pos++;
        return out;
      } else if (c == 0) {
        throw malformed("Unexpected end of input.");
      } else {
        throw malformed("Unexpected array element.");
      }
    }
  }

  private String quoted() {
    pos++; // opening quote
    StringBuilder value = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '\\') {
        if (pos >= text.length()) {
          break;
        }
        value.append(text.charAt(pos++));
      } else if (c == '"') {
        return value.toString();
      } else {
        value.append(c);
      }
    }
    throw malformed("Unexpected end of input.");
  }

  /** An unquoted element; null for NULL. Trailing unescaped whitespace is dropped. */
  private String unquoted() {
    StringBuilder value = new StringBuilder();
    int keep = 0; // length up to the last escaped or non-space character
    boolean escaped = false;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ',' || c == '}') {
        break;
      }
      if (c == '{' || c == '"') {
        throw malformed(c == '{' ? "Unexpected \"{\" character." : "Unexpected array element.");
      }
      pos++;
      if (c == '\\') {
        if (pos >= text.length()) {
          throw malformed("Unexpected end of input.");
        }
        value.append(text.charAt(pos++));
        escaped = true;
        keep = value.length();
      } else {
        value.append(c);
        if (!isSpace(c)) {
          keep = value.length();
        }
      }
    }
    if (pos >= text.length()) {
      throw malformed("Unexpected end of input.");
    }
    if (keep == 0 && !escaped) {
      throw malformed("Unexpected \"" + text.charAt(pos) + "\" character.");
    }
    String v = value.substring(0, keep);
    return !escaped && v.equalsIgnoreCase("NULL") ? null : v;
  }

  /** Sub-arrays of one level all have the same shape; elements and sub-arrays do not mix. */
  private void checkShape(List<Object> elements) {
    List<Integer> first = null;
    boolean scalars = false;
    for (Object e : elements) {
      if (e instanceof List<?> sub) {
        @SuppressWarnings("unchecked")
        List<Object> inner = (List<Object>) sub;
        checkShape(inner);
        List<Integer> s = shape(inner);
        if (first == null) {
          first = s;
        } else if (!first.equals(s)) {
          throw mismatched();
        }
      } else {
        scalars = true;
      }
    }
    if (scalars && first != null) {
      throw mismatched();
    }
  }

  private static List<Integer> shape(List<?> elements) {
    List<Integer> s = new ArrayList<>();
    s.add(elements.size());
    if (!elements.isEmpty() && elements.get(0) instanceof List<?> inner) {
      s.addAll(shape(inner));
    }
    return Collections.unmodifiableList(s);
  }

  private TextInputException mismatched() {
    return malformed("Multidimensional arrays must have sub-arrays with matching dimensions.");
  }

  private TextInputException malformed(String detail) {
    return new TextInputException("22P02", "malformed array literal: \"" + text + "\"", detail);
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  private void skipSpace() {
    while (pos < text.length() && isSpace(text.charAt(pos))) {
      pos++;
    }
  }

  /** PostgreSQL's array_isspace: space, tab, newline, carriage return, vertical tab, form feed. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000b' || c == '\f';
  }
}
