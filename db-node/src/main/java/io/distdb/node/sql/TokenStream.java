package io.distdb.node.sql;

import java.util.List;

/**
 * A cursor over the tokens of one statement, for the small recursive-descent readers of this
 * package. Keyword matching ignores case and never matches quoted identifiers.
 */
final class TokenStream {

  private final List<Token> tokens;
  private final String sql;
  private int pos;

  TokenStream(List<Token> tokens, String sql) {
    this.tokens = tokens;
    this.sql = sql;
  }

  boolean atEnd() {
    return pos >= tokens.size();
  }

  /** The token {@code ahead} positions on, or null past the end. */
  Token peek(int ahead) {
    int i = pos + ahead;
    return i < tokens.size() ? tokens.get(i) : null;
  }

  Token peek() {
    return peek(0);
  }

  Token next() throws StatementException {
    if (atEnd()) {
      throw syntaxError();
    }
    return tokens.get(pos++);
  }

  /** The current position, for {@link #rewind(int)} and {@link #textFrom(int)}. */
  int position() {
    return pos;
  }

  void rewind(int position) {
    pos = position;
  }

  /** The source text from the token at {@code position} to the end of the statement. */
  String textFrom(int position) {
    return position >= tokens.size()
        ? ""
        : sql.substring(tokens.get(position).start(), tokens.get(tokens.size() - 1).end());
  }

  /** Moves past the current token, if any. */
  void skip() {
    if (!atEnd()) {
      pos++;
    }
  }

  boolean isKeyword(String keyword) {
    Token t = peek();
    return t != null && t.isKeyword(keyword);
  }

  /** Consumes the keywords if all of them come next, in order. */
  boolean accept(String... keywords) {
    for (int i = 0; i < keywords.length; i++) {
      Token t = peek(i);
      if (t == null || !t.isKeyword(keywords[i])) {
        return false;
      }
    }
    pos += keywords.length;
    return true;
  }

  boolean acceptSymbol(String symbol) {
    Token t = peek();
    if (t != null && t.is(symbol)) {
      pos++;
      return true;
    }
    return false;
  }

  void expect(String... keywords) throws StatementException {
    if (!accept(keywords)) {
      throw syntaxError();
    }
  }

  void expectSymbol(String symbol) throws StatementException {
    if (!acceptSymbol(symbol)) {
      throw syntaxError();
    }
  }

  /** Consumes a name (identifier or quoted identifier) and returns its folded value. */
  String name() throws StatementException {
    Token t = peek();
    if (t == null || !t.isName()) {
      throw syntaxError();
    }
    pos++;
    return t.value();
  }

  void expectEnd() throws StatementException {
    if (!atEnd()) {
      throw syntaxError();
    }
  }

  /** PostgreSQL's wording: the offending token, or "end of input". */
  StatementException syntaxError() {
    Token t = peek();
    return StatementException.syntax(
        t == null
            ? "syntax error at end of input"
            : "syntax error at or near \"" + t.text() + "\"");
  }
}
