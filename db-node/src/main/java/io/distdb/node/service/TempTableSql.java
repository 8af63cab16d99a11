package io.distdb.node.service;

import io.distdb.node.sql.SqlLexer;
import io.distdb.node.sql.StatementException;
import io.distdb.node.sql.Token;
import io.distdb.node.sql.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the statements that concern a session's temporary tables from their tokens: {@code CREATE
 * [GLOBAL | LOCAL] {TEMP | TEMPORARY} TABLE}, which becomes H2's session-private {@code CREATE
 * LOCAL TEMPORARY TABLE ... TRANSACTIONAL} (TRANSACTIONAL: H2 does not commit the session's open
 * transaction for it), and which tables a statement names or changes.
 */
final class TempTableSql {

  /** A CREATE TEMP TABLE: the table's name as the engine stores it, and the engine's statement. */
  record Create(String name, String engineSql, boolean withQuery) {}

  private TempTableSql() {}

  /** The statement as a CREATE TEMP TABLE, or null if it is not one. */
  static Create create(String engineSql) throws SqlException {
    List<Token> tokens = tokens(engineSql);
    int i = 0;
    if (tokens.isEmpty() || !tokens.get(i++).isKeyword("CREATE")) {
      return null;
    }
    if (at(tokens, i, "GLOBAL") || at(tokens, i, "LOCAL")) {
      i++;
    }
    if (!(at(tokens, i, "TEMP") || at(tokens, i, "TEMPORARY")) || !at(tokens, i + 1, "TABLE")) {
      return null;
    }
    int tableKeyword = i + 1;
    int n = tableKeyword + 1;
    if (at(tokens, n, "IF") && at(tokens, n + 1, "NOT") && at(tokens, n + 2, "EXISTS")) {
      n += 3;
    }
    if (n >= tokens.size() || !tokens.get(n).isName()) {
      return null;
    }
    if (n + 1 < tokens.size() && tokens.get(n + 1).is(".")) {
      // pg_temp.name or another schema: PostgreSQL refuses a temporary table in a permanent schema.
      return null;
    }
    String name = name(tokens.get(n));
    StringBuilder sql = new StringBuilder("CREATE LOCAL TEMPORARY TABLE");
    int as = topLevelAs(tokens, n);
    int end = as < 0 ? tokens.size() : as;
    int copied = tokens.get(tableKeyword).end();
    // PostgreSQL's default; H2 does not know the clause.
    int preserve = find(tokens, n, end, "ON", "COMMIT", "PRESERVE", "ROWS");
    if (preserve >= 0) {
      sql.append(engineSql, copied, tokens.get(preserve).start());
      copied = tokens.get(preserve + 3).end();
    }
    sql.append(engineSql, copied, tokens.get(end - 1).end()).append(" TRANSACTIONAL");
    if (as >= 0) {
      sql.append(' ').append(engineSql, tokens.get(as).start(), engineSql.length());
    }
    return new Create(name, sql.toString(), as >= 0);
  }

  /** Whether any name in the statement is one of {@code tables} (a column may share the name). */
  static boolean names(String sql, Set<String> tables) throws SqlException {
    if (tables.isEmpty()) {
      return false;
    }
    for (Token t : tokens(sql)) {
      if (t.isName() && tables.contains(name(t))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The tables the statement changes when it is one distdb can run on the session's connection
   * alone: an INSERT, UPDATE, DELETE or MERGE into one table, or DROP TABLE, TRUNCATE, ALTER TABLE
   * or CREATE INDEX on tables; null for anything else (a CTE, a view, a new permanent object).
   */
  static List<String> changedTables(String sql) throws SqlException {
    List<Token> tokens = tokens(sql);
    if (tokens.isEmpty()) {
      return null;
    }
    Token first = tokens.get(0);
    if (first.isKeyword("INSERT") || first.isKeyword("MERGE")) {
      return at(tokens, 1, "INTO") ? single(tokens, 2) : null;
    }
    if (first.isKeyword("UPDATE")) {
      return single(tokens, at(tokens, 1, "ONLY") ? 2 : 1);
    }
    if (first.isKeyword("DELETE")) {
      return at(tokens, 1, "FROM") ? single(tokens, at(tokens, 2, "ONLY") ? 3 : 2) : null;
    }
    if (first.isKeyword("DROP") && at(tokens, 1, "TABLE")) {
      int i = 2;
      if (at(tokens, i, "IF") && at(tokens, i + 1, "EXISTS")) {
        i += 2;
      }
      return list(tokens, i);
    }
    if (first.isKeyword("TRUNCATE")) {
      int i = at(tokens, 1, "TABLE") ? 2 : 1;
      return list(tokens, at(tokens, i, "ONLY") ? i + 1 : i);
    }
    if (first.isKeyword("ALTER") && at(tokens, 1, "TABLE")) {
      int i = 2;
      if (at(tokens, i, "IF") && at(tokens, i + 1, "EXISTS")) {
        i += 2;
      }
      return single(tokens, at(tokens, i, "ONLY") ? i + 1 : i);
    }
    if (first.isKeyword("CREATE")) {
      for (int i = 1; i < tokens.size(); i++) {
        if (tokens.get(i).isKeyword("ON")) {
          return at(tokens, 1, "INDEX") || at(tokens, 1, "UNIQUE")
              ? single(tokens, at(tokens, i + 1, "ONLY") ? i + 2 : i + 1)
              : null;
        }
      }
    }
    return null;
  }

  /**
   * The tables the statement's foreign keys reference ({@code REFERENCES name}); a qualified name
   * keeps its schema ({@code s.t}), so it never matches a temporary table's.
   */
  static List<String> referencedTables(String sql) throws SqlException {
    List<Token> tokens = tokens(sql);
    List<String> names = new ArrayList<>();
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (tokens.get(i).isKeyword("REFERENCES") && tokens.get(i + 1).isName()) {
        String name = name(tokens.get(i + 1));
        if (i + 3 < tokens.size() && tokens.get(i + 2).is(".") && tokens.get(i + 3).isName()) {
          name = name + "." + name(tokens.get(i + 3));
        }
        names.add(name);
      }
    }
    return names;
  }

  /** One unqualified table name at {@code i}. */
  private static List<String> single(List<Token> tokens, int i) {
    if (i >= tokens.size() || !tokens.get(i).isName()) {
      return null;
    }
    if (i + 1 < tokens.size() && tokens.get(i + 1).is(".")) {
      return null;
    }
    return List.of(name(tokens.get(i)));
  }

  /** Unqualified table names separated by commas from {@code i}, up to CASCADE / RESTRICT. */
  private static List<String> list(List<Token> tokens, int i) {
    List<String> names = new ArrayList<>();
    while (i < tokens.size()) {
      List<String> one = single(tokens, i);
      if (one == null) {
        return null;
      }
      names.addAll(one);
      i++;
      if (i < tokens.size() && tokens.get(i).is(",")) {
        i++;
        continue;
      }
      break;
    }
    while (i < tokens.size()) {
      Token t = tokens.get(i++);
      if (!(t.isKeyword("CASCADE")
          || t.isKeyword("RESTRICT")
          || t.isKeyword("CONTINUE")
          || t.isKeyword("RESTART")
          || t.isKeyword("IDENTITY"))) {
        return null;
      }
    }
    return names.isEmpty() ? null : names;
  }

  /** A name as H2 stores it (distdb's engine folds unquoted names to lower case). */
  static String name(Token t) {
    return t.kind() == TokenKind.QUOTED_IDENTIFIER ? t.value() : t.text().toLowerCase(Locale.ROOT);
  }

  private static int topLevelAs(List<Token> tokens, int from) {
    int depth = 0;
    for (int i = from; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.is("(")) {
        depth++;
      } else if (t.is(")")) {
        depth--;
      } else if (depth == 0 && t.isKeyword("AS")) {
        return i;
      }
    }
    return -1;
  }

  private static int find(List<Token> tokens, int from, int to, String... words) {
    for (int i = from; i + words.length <= to; i++) {
      boolean match = true;
      for (int j = 0; j < words.length && match; j++) {
        match = tokens.get(i + j).isKeyword(words[j]);
      }
      if (match) {
        return i;
      }
    }
    return -1;
  }

  private static boolean at(List<Token> tokens, int i, String keyword) {
    return i < tokens.size() && tokens.get(i).isKeyword(keyword);
  }

  private static List<Token> tokens(String sql) throws SqlException {
    try {
      List<Token> tokens = SqlLexer.tokenize(sql);
      int end = tokens.size();
      while (end > 0 && tokens.get(end - 1).is(";")) {
        end--;
      }
      return tokens.subList(0, end);
    } catch (StatementException e) {
      throw new SqlException(e.sqlState(), e.getMessage());
    }
  }
}
