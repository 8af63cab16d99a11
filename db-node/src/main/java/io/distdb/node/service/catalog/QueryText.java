package io.distdb.node.service.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A query's text with whitespace outside string literals collapsed to single spaces and trailing
 * semicolons dropped, so that recognisers can look for psql's fixed phrases however the client
 * wrapped or indented them. Literals are kept verbatim: they carry the patterns users typed.
 */
final class QueryText {

  private static final String LITERAL = "'((?:[^']|'')*)'";

  private final String text;

  private QueryText(String text) {
    this.text = text;
  }

  static QueryText of(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    boolean inLiteral = false;
    boolean pendingSpace = false;
    for (int i = 0; i < sql.length(); i++) {
      char ch = sql.charAt(i);
      if (!inLiteral && Character.isWhitespace(ch)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      if (ch == '\'') {
        inLiteral = !inLiteral;
      }
      out.append(ch);
    }
    int end = out.length();
    while (end > 0 && (out.charAt(end - 1) == ';' || out.charAt(end - 1) == ' ')) {
      end--;
    }
    return new QueryText(out.substring(0, end));
  }

  String text() {
    return text;
  }

  boolean startsWith(String prefix) {
    return text.startsWith(prefix);
  }

  boolean contains(String phrase) {
    return text.contains(phrase);
  }

  /**
   * The regular expression psql compares {@code column} with, as in {@code c.relname
   * OPERATOR(pg_catalog.~) '^(foo.*)$' COLLATE pg_catalog.default} (what {@code \dt foo*} sends).
   *
   * @return the pattern, {@link #ANY} if the query does not filter on that column, or null if the
   *     expression is not one Java's regex engine understands the same way
   */
  Pattern pattern(String column) {
    Matcher m =
        Pattern.compile(
                Pattern.quote(column)
                    + " OPERATOR\\(pg_catalog\\.~\\) "
                    + LITERAL
                    + " COLLATE pg_catalog\\.default")
            .matcher(text);
    if (!m.find()) {
      return ANY;
    }
    try {
      // psql escapes the characters special to regular expressions with a backslash, and turns
      // * into .* and ? into . : the POSIX syntax it produces is also Java syntax.
      return Pattern.compile(m.group(1).replace("''", "'"));
    } catch (PatternSyntaxException e) {
      return null;
    }
  }

  /** Matches every name. */
  static final Pattern ANY = Pattern.compile(".*", Pattern.DOTALL);

  /** The number in {@code <prefix> '<digits>'}, e.g. the table oid of {@code c.oid = '16387'}. */
  Long oid(String prefix) {
    Matcher m = Pattern.compile(Pattern.quote(prefix) + " ?'(\\d{1,10})'").matcher(text);
    return m.find() ? Long.valueOf(m.group(1)) : null;
  }

  @Override
  public String toString() {
    return text;
  }
}
