package io.distdb.node.sql;

import java.util.List;
import java.util.Set;

/**
 * Classifies queries and data-changing statements: SELECT, VALUES, TABLE, WITH, INSERT, UPDATE,
 * DELETE, MERGE (and H2's UPSERT), optionally in leading parentheses. Only what routing needs is
 * looked at: the main verb, whether anything writes, and a top-level RETURNING.
 */
final class QueryAnalyzer {

  private static final Set<String> QUERY_VERBS = Set.of("SELECT", "VALUES", "TABLE");
  private static final Set<String> WRITE_VERBS =
      Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT");

  /** Functions that change database state although they appear in a SELECT. */
  private static final Set<String> STATE_CHANGING_FUNCTIONS = Set.of("nextval", "setval");

  private final List<Token> tokens;

  QueryAnalyzer(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** True if {@code t} can start a statement this class classifies. */
  static boolean startsQuery(Token t) {
    return t.is("(")
        || t.isKeyword("WITH")
        || (t.kind() == TokenKind.IDENTIFIER
            && (QUERY_VERBS.contains(t.upper()) || WRITE_VERBS.contains(t.upper())));
  }

  /** Classifies tokens {@code [from, to)}; null if they do not start like a query. */
  SimpleStatement analyze(int from, int to) {
    int i = from;
    while (i < to && tokens.get(i).is("(")) {
      i++;
    }
    if (i >= to) {
      return null;
    }
    Token verb = tokens.get(i);
    if (verb.isKeyword("WITH")) {
      return withQuery(i + 1, to);
    }
    if (verb.kind() != TokenKind.IDENTIFIER) {
      return null;
    }
    String word = verb.upper();
    if (QUERY_VERBS.contains(word)) {
      boolean selectInto = containsKeyword(i, to, "INTO");
      boolean write = selectInto || callsStateChangingFunction(i, to);
      return new SimpleStatement(
          write ? StatementKind.WRITE : StatementKind.READ, "SELECT", !selectInto, false);
    }
    if (WRITE_VERBS.contains(word)) {
      boolean returning = hasTopLevelReturning(i, to);
      String tag = word.equals("UPSERT") ? "INSERT" : word;
      return new SimpleStatement(StatementKind.WRITE, tag, returning, returning);
    }
    return null;
  }

  /**
   * {@code WITH [RECURSIVE] name [(cols)] AS [[NOT] MATERIALIZED] (body) [, ...] main}: the main
   * statement decides the tag, but any data-modifying CTE body makes the whole statement a write.
   */
  private SimpleStatement withQuery(int from, int to) {
    boolean cteWrites = false;
    int i = from;
    while (i < to) {
      Token t = tokens.get(i);
      if (t.is("(")) {
        int close = matchingParen(i, to);
        Token before = tokens.get(i - 1);
        if (before.isKeyword("AS") || before.isKeyword("MATERIALIZED")) {
          SimpleStatement body = analyze(i + 1, close);
          cteWrites |= body != null && body.kind() == StatementKind.WRITE;
        } else if (before.is(")")) {
          return merge(analyze(i, to), cteWrites); // parenthesized main statement
        }
        i = close + 1;
      } else if (t.kind() == TokenKind.IDENTIFIER
          && (QUERY_VERBS.contains(t.upper()) || WRITE_VERBS.contains(t.upper()))) {
        return merge(analyze(i, to), cteWrites);
      } else {
        i++;
      }
    }
    return null;
  }

  private static SimpleStatement merge(SimpleStatement main, boolean cteWrites) {
    if (main == null || !cteWrites || main.kind() == StatementKind.WRITE) {
      return main;
    }
    return new SimpleStatement(
        StatementKind.WRITE, main.commandTag(), main.returnsRows(), main.hasReturning());
  }

  private boolean hasTopLevelReturning(int from, int to) {
    int depth = 0;
    for (int i = from; i < to; i++) {
      Token t = tokens.get(i);
      if (t.is("(")) {
        depth++;
      } else if (t.is(")")) {
        depth--;
      } else if (depth == 0 && t.isKeyword("RETURNING")) {
        return true;
      }
    }
    return false;
  }

  /** INTO only appears in a SELECT as SELECT ... INTO (subqueries cannot have it). */
  private boolean containsKeyword(int from, int to, String keyword) {
    for (int i = from; i < to; i++) {
      if (tokens.get(i).isKeyword(keyword)) {
        return true;
      }
    }
    return false;
  }

  private boolean callsStateChangingFunction(int from, int to) {
    for (int i = from; i < to; i++) {
      Token t = tokens.get(i);
      if (t.kind() != TokenKind.IDENTIFIER) {
        continue;
      }
      boolean call = i + 1 < to && tokens.get(i + 1).is("(");
      if (call && STATE_CHANGING_FUNCTIONS.contains(t.value())) {
        return true;
      }
      // H2's NEXT VALUE FOR seq
      if (t.isKeyword("NEXT")
          && i + 2 < to
          && tokens.get(i + 1).isKeyword("VALUE")
          && tokens.get(i + 2).isKeyword("FOR")) {
        return true;
      }
    }
    return false;
  }

  /** Index of the ')' closing the '(' at {@code open}, or {@code to - 1} if unbalanced. */
  int matchingParen(int open, int to) {
    int depth = 0;
    for (int i = open; i < to; i++) {
      Token t = tokens.get(i);
      if (t.is("(")) {
        depth++;
      } else if (t.is(")") && --depth == 0) {
        return i;
      }
    }
    return to - 1;
  }
}
