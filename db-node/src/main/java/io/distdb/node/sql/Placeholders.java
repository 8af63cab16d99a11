package io.distdb.node.sql;

import java.util.List;

/**
 * Rewrites PostgreSQL's {@code $1..$n} parameters into H2's indexed {@code ?1..?n}, which bind by
 * the same number, so a parameter used twice stays one parameter. Only real parameter tokens are
 * touched: {@code '$1'}, {@code "$1"}, comments and dollar-quoted bodies are left alone, and so is
 * any other text, including a literal {@code ?}.
 */
public final class Placeholders {

  /**
   * @param sql the statement for H2
   * @param parameterCount the highest parameter number used (PostgreSQL infers the parameter count
   *     the same way: {@code $2} alone means two parameters)
   */
  public record Rewritten(String sql, int parameterCount) {}

  private Placeholders() {}

  /**
   * @throws StatementException 42P02 for {@code $0}, 42601 for unterminated quotes
   */
  public static Rewritten toH2(String sql) throws StatementException {
    List<Token> tokens = SqlLexer.tokenize(sql);
    StringBuilder out = null;
    int copied = 0;
    int highest = 0;
    for (Token t : tokens) {
      if (t.kind() != TokenKind.PARAMETER) {
        continue;
      }
      int index = parameterNumber(t);
      highest = Math.max(highest, index);
      if (out == null) {
        out = new StringBuilder(sql.length());
      }
      out.append(sql, copied, t.start()).append('?').append(index);
      copied = t.end();
    }
    if (out == null) {
      return new Rewritten(sql, 0);
    }
    out.append(sql, copied, sql.length());
    return new Rewritten(out.toString(), highest);
  }

  private static int parameterNumber(Token t) throws StatementException {
    String digits = t.text().substring(1);
    int index;
    try {
      index = Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      index = 0;
    }
    // PostgreSQL caps parameters at 65535 (the protocol's Int16 parameter count).
    if (index < 1 || index > 65535) {
      throw new StatementException(
          StatementException.UNDEFINED_PARAMETER, "there is no parameter " + t.text());
    }
    return index;
  }
}
