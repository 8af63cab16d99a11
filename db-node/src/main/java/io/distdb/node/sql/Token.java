package io.distdb.node.sql;

import java.util.Locale;

/**
 * One lexical token of statement text.
 *
 * @param kind what the token is
 * @param text the token exactly as written, quotes included
 * @param value the meaning: identifiers folded to lower case as PostgreSQL folds them, quoted
 *     identifiers and strings unquoted and unescaped, everything else equal to {@code text}
 * @param start offset of the first character in the statement text
 * @param end offset just past the last character
 */
public record Token(TokenKind kind, String text, String value, int start, int end) {

  /**
   * True for an unquoted identifier spelled {@code keyword} in any case (quoted names never match).
   */
  public boolean isKeyword(String keyword) {
    return kind == TokenKind.IDENTIFIER && text.equalsIgnoreCase(keyword);
  }

  /** True for punctuation or an operator spelled exactly {@code symbol}. */
  public boolean is(String symbol) {
    return (kind == TokenKind.PUNCTUATION || kind == TokenKind.OPERATOR) && text.equals(symbol);
  }

  /** True for identifiers, quoted or not: anything that can name an object. */
  public boolean isName() {
    return kind == TokenKind.IDENTIFIER || kind == TokenKind.QUOTED_IDENTIFIER;
  }

  /** The keyword in upper case, as command tags spell it. */
  public String upper() {
    return text.toUpperCase(Locale.ROOT);
  }
}
