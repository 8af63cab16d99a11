package io.distdb.node.dialect;

import io.distdb.node.sql.Token;
import io.distdb.node.sql.TokenKind;
import java.util.List;
import java.util.Set;

/**
 * A column's {@code DEFAULT} written after one of its constraints, {@code "kind" text CHECK ("kind"
 * IN ('page', 'api')) DEFAULT 'page'} (knex's {@code enu()} column), {@code ... REFERENCES t (id)
 * DEFAULT 1}, {@code ... UNIQUE DEFAULT 0}: PostgreSQL takes a column's clauses in any order, H2
 * only a default before CHECK, REFERENCES, UNIQUE and PRIMARY KEY. The default clause is moved in
 * front of the first of them, in CREATE TABLE columns and ALTER TABLE ... ADD [COLUMN].
 */
final class ColumnDefaultOrderRewrite implements TextRewrite {

  /** Where a column constraint H2 wants after the default starts. */
  private static final Set<String> CONSTRAINTS =
      Set.of("CHECK", "REFERENCES", "UNIQUE", "PRIMARY", "CONSTRAINT");

  /** Where a default expression ends: the next clause of the column. */
  private static final Set<String> CLAUSES =
      Set.of(
          "CHECK",
          "REFERENCES",
          "UNIQUE",
          "PRIMARY",
          "CONSTRAINT",
          "NOT",
          "NULL",
          "GENERATED",
          "COLLATE",
          "DEFERRABLE",
          "INITIALLY");

  /** First words of a table constraint (no column, nothing to reorder). */
  private static final Set<String> TABLE_CONSTRAINTS =
      Set.of("CHECK", "UNIQUE", "PRIMARY", "CONSTRAINT", "FOREIGN", "EXCLUDE", "LIKE");

  static boolean mightApply(String lower) {
    return lower.contains("default")
        && (lower.contains("check")
            || lower.contains("references")
            || lower.contains("unique")
            || lower.contains("primary")
            || lower.contains("constraint"));
  }

  @Override
  public String rewrite(String sql, List<Token> tokens) {
    if (tokens.size() < 3
        || !(tokens.get(0).isKeyword("CREATE") || tokens.get(0).isKeyword("ALTER"))
        || !tokens.get(1).isKeyword("TABLE")) {
      return null;
    }
    boolean create = tokens.get(0).isKeyword("CREATE");
    int elementDepth = create ? 1 : 0;
    StringBuilder out = new StringBuilder(sql.length());
    int copied = 0;
    int depth = 0;
    int elementStart = create ? -1 : 2;
    for (int i = 0; i <= tokens.size(); i++) {
      Token t = i < tokens.size() ? tokens.get(i) : null;
      boolean ends =
          t == null || (depth == elementDepth && t.is(",")) || (create && depth == 1 && t.is(")"));
      if (ends && elementStart >= 0) {
        int[] move = misplacedDefault(tokens, elementStart, i, elementDepth, create);
        if (move != null) {
          // move = {constraint start, default start, default end (exclusive)}
          out.append(sql, copied, tokens.get(move[0]).start());
          out.append(sql, tokens.get(move[1]).start(), tokens.get(move[2] - 1).end()).append(' ');
          out.append(sql, tokens.get(move[0]).start(), tokens.get(move[1]).start());
          copied = tokens.get(move[2] - 1).end();
        }
        elementStart = -1;
      }
      if (t == null) {
        break;
      }
      if (t.is("(")) {
        depth++;
        if (create && depth == 1 && elementStart < 0) {
          elementStart = i + 1;
          continue;
        }
      } else if (t.is(")")) {
        depth--;
      }
      if (ends && t.is(",")) {
        elementStart = i + 1;
      }
    }
    return copied == 0 ? null : out.append(sql.substring(copied)).toString();
  }

  /** {constraint, default start, default end} when a DEFAULT follows a constraint, else null. */
  private static int[] misplacedDefault(
      List<Token> tokens, int from, int to, int elementDepth, boolean create) {
    int first = from;
    if (!create) {
      while (first < to && !tokens.get(first).isKeyword("ADD")) {
        first++;
      }
      if (first >= to) {
        return null;
      }
      first++;
      if (first < to && tokens.get(first).isKeyword("COLUMN")) {
        first++;
      }
    }
    if (first >= to || TABLE_CONSTRAINTS.contains(tokens.get(first).upper())) {
      return null;
    }
    int depth = elementDepth;
    int constraint = -1;
    for (int i = first; i < to; i++) {
      Token t = tokens.get(i);
      if (t.is("(")) {
        depth++;
      } else if (t.is(")")) {
        depth--;
      } else if (depth == elementDepth && t.kind() == TokenKind.IDENTIFIER) {
        String word = t.upper();
        if (constraint < 0 && CONSTRAINTS.contains(word)) {
          constraint = i;
        } else if (word.equals("DEFAULT")) {
          if (constraint < 0) {
            return null; // already where H2 wants it
          }
          int end = defaultEnd(tokens, i + 1, to, elementDepth);
          return end > i + 1 ? new int[] {constraint, i, end} : null;
        }
      }
    }
    return null;
  }

  private static int defaultEnd(List<Token> tokens, int from, int to, int elementDepth) {
    int depth = elementDepth;
    for (int i = from; i < to; i++) {
      Token t = tokens.get(i);
      if (t.is("(")) {
        depth++;
      } else if (t.is(")")) {
        depth--;
      } else if (i > from
          && depth == elementDepth
          && t.kind() == TokenKind.IDENTIFIER
          && CLAUSES.contains(t.upper())) {
        return i;
      }
    }
    return to;
  }
}
