package io.distdb.node.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's text form of a one-dimensional {@code text[]} ({@code {a,"b c",NULL}}), as jsonb's
 * path operators and {@code jsonb_set} take their paths (the dialect turns a constant path into an
 * array; the functions read one that reaches them as text).
 */
public final class TextArray {

  private TextArray() {}

  /**
   * @throws IllegalArgumentException 22P02 for text that is not an array literal
   */
  public static List<String> parse(String literal) {
    String s = literal.strip();
    if (s.length() < 2 || s.charAt(0) != '{' || s.charAt(s.length() - 1) != '}') {
      throw new IllegalArgumentException("22P02: malformed array literal: \"" + literal + "\"");
    }
    List<String> out = new ArrayList<>();
    String body = s.substring(1, s.length() - 1);
    if (body.isBlank()) {
      return out;
    }
    StringBuilder item = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        item.append(body.charAt(++i));
      } else if (c == '"') {
        quoted = !quoted;
        wasQuoted = true;
      } else if (c == ',' && !quoted) {
        out.add(element(item, wasQuoted));
        item.setLength(0);
        wasQuoted = false;
      } else {
        item.append(c);
      }
    }
    out.add(element(item, wasQuoted));
    return out;
  }

  private static String element(StringBuilder item, boolean quoted) {
    String v = quoted ? item.toString() : item.toString().strip();
    return !quoted && v.equalsIgnoreCase("NULL") ? null : v;
  }

  /**
   * A path as the engine passes a {@code text[]} argument: an array, or one string holding
   * PostgreSQL's array literal (a constant {@code '{a,b}'} the engine did not parse).
   */
  static List<String> path(String[] path) {
    if (path.length == 1 && path[0] != null && path[0].strip().startsWith("{")) {
      return parse(path[0]);
    }
    return java.util.Arrays.asList(path);
  }

  /** A path step as an array position, or null if it is not an integer. */
  static Integer index(String step) {
    try {
      return Integer.valueOf(step.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
