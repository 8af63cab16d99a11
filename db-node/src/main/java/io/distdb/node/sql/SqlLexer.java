package io.distdb.node.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits statement text into tokens the way PostgreSQL's scanner does (with
 * standard_conforming_strings on), so that comments, string contents, dollar-quoted bodies and
 * quoted identifiers never look like keywords, placeholders or statement separators to the rest of
 * this package. Whitespace and comments are skipped; every token keeps its source offsets so
 * callers can rewrite the original text in place.
 */
public final class SqlLexer {

  private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";

  /** An operator containing one of these may end in + or -: PostgreSQL's rule for prefix ops. */
  private static final String NON_MATH_OPERATOR_CHARS = "~!@#%^&|`?";

  private static final int MAX_NEAR_CHARS = 60;

  private final String sql;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;

  private SqlLexer(String sql) {
    this.sql = sql;
  }

  /** All tokens of {@code sql} in order. */
  public static List<Token> tokenize(String sql) throws StatementException {
    SqlLexer lexer = new SqlLexer(sql);
    lexer.run();
    return lexer.tokens;
  }

  private void run() throws StatementException {
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      int start = pos;
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '-' && peek(1) == '-') {
        skipLineComment();
      } else if (c == '/' && peek(1) == '*') {
        skipBlockComment();
      } else if (c == '\'') {
        string(start, pos + 1, false);
      } else if ((c == 'e' || c == 'E') && peek(1) == '\'') {
        string(start, pos + 2, true);
      } else if ((c == 'n' || c == 'N' || c == 'b' || c == 'B' || c == 'x' || c == 'X')
          && peek(1) == '\'') {
        string(start, pos + 2, false);
      } else if ((c == 'u' || c == 'U') && peek(1) == '&' && peek(2) == '\'') {
        // U&'...' keeps its \XXXX escapes undecoded: nothing here needs the decoded value.
        string(start, pos + 3, false);
      } else if ((c == 'u' || c == 'U') && peek(1) == '&' && peek(2) == '"') {
        quotedIdentifier(start, pos + 3);
      } else if (c == '"') {
        quotedIdentifier(start, pos + 1);
      } else if (c == '$') {
        dollar(start);
      } else if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
        number(start);
      } else if (isIdentifierStart(c)) {
        identifier(start);
      } else if (c == ':' && peek(1) == ':') {
        pos += 2;
        add(TokenKind.OPERATOR, start, null);
      } else if (c == ':' && peek(1) == '=') {
        pos += 2;
        add(TokenKind.OPERATOR, start, null);
      } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
        operator(start);
      } else {
        // ( ) [ ] , ; : . and anything PostgreSQL would reject: one character each.
        pos++;
        add(TokenKind.PUNCTUATION, start, null);
      }
    }
  }

  private void skipLineComment() {
    while (pos < sql.length() && sql.charAt(pos) != '\n' && sql.charAt(pos) != '\r') {
      pos++;
    }
  }

  /** PostgreSQL block comments nest, unlike the SQL standard's. */
  private void skipBlockComment() throws StatementException {
    int start = pos;
    int depth = 0;
    while (pos < sql.length()) {
      if (sql.startsWith("/*", pos)) {
        depth++;
        pos += 2;
      } else if (sql.startsWith("*/", pos)) {
        depth--;
        pos += 2;
        if (depth == 0) {
          return;
        }
      } else {
        pos++;
      }
    }
    throw unterminated("unterminated /* comment", start);
  }

  private void string(int start, int bodyStart, boolean backslashEscapes)
      throws StatementException {
    StringBuilder value = new StringBuilder();
    pos = bodyStart;
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (c == '\'') {
        if (peek(1) == '\'') {
          value.append('\'');
          pos += 2;
          continue;
        }
        pos++;
        add(TokenKind.STRING, start, value.toString());
        return;
      }
      if (c == '\\' && backslashEscapes) {
        if (pos + 1 >= sql.length()) {
          break;
        }
        pos = EscapeDecoder.decode(sql, pos + 1, value);
        continue;
      }
      value.append(c);
      pos++;
    }
    throw unterminated("unterminated quoted string", start);
  }

  private void quotedIdentifier(int start, int bodyStart) throws StatementException {
    StringBuilder value = new StringBuilder();
    pos = bodyStart;
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (c == '"') {
        if (peek(1) == '"') {
          value.append('"');
          pos += 2;
          continue;
        }
        pos++;
        if (value.length() == 0) {
          throw unterminated("zero-length delimited identifier", start);
        }
        add(TokenKind.QUOTED_IDENTIFIER, start, value.toString());
        return;
      }
      value.append(c);
      pos++;
    }
    throw unterminated("unterminated quoted identifier", start);
  }

  /**
   * {@code $n} is a parameter; {@code $tag$} opens a dollar quote; a lone {@code $} is an error
   * token.
   */
  private void dollar(int start) throws StatementException {
    if (isDigit(peek(1))) {
      pos++;
      while (pos < sql.length() && isDigit(sql.charAt(pos))) {
        pos++;
      }
      add(TokenKind.PARAMETER, start, null);
      return;
    }
    int tagEnd = pos + 1;
    if (tagEnd < sql.length() && isIdentifierStart(sql.charAt(tagEnd))) {
      while (tagEnd < sql.length() && isTagPart(sql.charAt(tagEnd))) {
        tagEnd++;
      }
    }
    if (tagEnd >= sql.length() || sql.charAt(tagEnd) != '$') {
      pos++;
      add(TokenKind.PUNCTUATION, start, null);
      return;
    }
    String delimiter = sql.substring(start, tagEnd + 1);
    int close = sql.indexOf(delimiter, tagEnd + 1);
    if (close < 0) {
      pos = sql.length();
      throw unterminated("unterminated dollar-quoted string", start);
    }
    pos = close + delimiter.length();
    add(TokenKind.DOLLAR_STRING, start, sql.substring(tagEnd + 1, close));
  }

  private void number(int start) {
    while (pos < sql.length() && isDigit(sql.charAt(pos))) {
      pos++;
    }
    // "1..2" is an integer followed by "..", as in PL/pgSQL ranges.
    if (peek(0) == '.' && peek(1) != '.') {
      pos++;
      while (pos < sql.length() && isDigit(sql.charAt(pos))) {
        pos++;
      }
    }
    char e = peek(0);
    if (e == 'e' || e == 'E') {
      int digits = (peek(1) == '+' || peek(1) == '-') ? 2 : 1;
      if (isDigit(peek(digits))) {
        pos += digits;
        while (pos < sql.length() && isDigit(sql.charAt(pos))) {
          pos++;
        }
      }
    }
    add(TokenKind.NUMBER, start, null);
  }

  private void identifier(int start) {
    while (pos < sql.length() && isIdentifierPart(sql.charAt(pos))) {
      pos++;
    }
    // PostgreSQL folds only ASCII letters; other characters keep their case.
    add(TokenKind.IDENTIFIER, start, foldAscii(sql.substring(start, pos)));
  }

  private void operator(int start) {
    int end = pos;
    while (end < sql.length() && OPERATOR_CHARS.indexOf(sql.charAt(end)) >= 0) {
      // A comment start ends the operator: "a=/*x*/1" is "a", "=", "1".
      if (end > pos && (sql.startsWith("--", end) || sql.startsWith("/*", end))) {
        break;
      }
      end++;
    }
    String op = sql.substring(pos, end);
    // "=-1" is "=" then "-1": a multi-char operator may not end in + or - unless it has one of
    // the characters that only appear in non-arithmetic operators.
    if (op.length() > 1 && op.chars().noneMatch(ch -> NON_MATH_OPERATOR_CHARS.indexOf(ch) >= 0)) {
      while (op.length() > 1 && (op.endsWith("+") || op.endsWith("-"))) {
        op = op.substring(0, op.length() - 1);
        end--;
      }
    }
    pos = end;
    add(TokenKind.OPERATOR, start, null);
  }

  private void add(TokenKind kind, int start, String value) {
    String text = sql.substring(start, pos);
    tokens.add(new Token(kind, text, value == null ? text : value, start, pos));
  }

  private StatementException unterminated(String what, int start) {
    String near = sql.substring(start, Math.min(sql.length(), start + MAX_NEAR_CHARS));
    return StatementException.syntax(what + " at or near \"" + near + "\"");
  }

  private char peek(int ahead) {
    int i = pos + ahead;
    return i < sql.length() ? sql.charAt(i) : '\0';
  }

  static String foldAscii(String identifier) {
    StringBuilder b = null;
    for (int i = 0; i < identifier.length(); i++) {
      char c = identifier.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (b == null) {
          b = new StringBuilder(identifier);
        }
        b.setCharAt(i, (char) (c + ('a' - 'A')));
      }
    }
    return b == null ? identifier : b.toString();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || isDigit(c) || c == '$';
  }

  private static boolean isTagPart(char c) {
    return isIdentifierStart(c) || isDigit(c);
  }
}
