package io.distdb.node.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a simple-query string into statements at top-level semicolons, as psql and the PostgreSQL
 * server do: semicolons in strings, comments, dollar quotes, quoted identifiers or parentheses do
 * not split.
 */
public final class StatementSplitter {

  private StatementSplitter() {}

  /**
   * The statements of {@code script}, trimmed, without their terminating semicolons. Statements
   * that are only whitespace and comments are dropped, so an empty script yields an empty list.
   */
  public static List<String> split(String script) throws StatementException {
    List<Token> tokens = SqlLexer.tokenize(script);
    List<String> statements = new ArrayList<>();
    int depth = 0;
    int segmentStart = 0;
    boolean segmentHasTokens = false;
    for (Token t : tokens) {
      if (t.is("(")) {
        depth++;
      } else if (t.is(")")) {
        depth = Math.max(0, depth - 1); // unbalanced: let the database report it
      } else if (t.is(";") && depth == 0) {
        if (segmentHasTokens) {
          statements.add(script.substring(segmentStart, t.start()).strip());
        }
        segmentStart = t.end();
        segmentHasTokens = false;
        continue;
      }
      segmentHasTokens = true;
    }
    if (segmentHasTokens) {
      statements.add(script.substring(segmentStart).strip());
    }
    return statements;
  }
}
