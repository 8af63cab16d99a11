package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import io.distdb.node.sql.Token;
import io.distdb.node.sql.TokenKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code ALTER TABLE t ADD PRIMARY KEY / UNIQUE / FOREIGN KEY / CHECK ...} and {@code ADD [COLUMN]
 * c ... REFERENCES / UNIQUE / PRIMARY KEY / CHECK} without a constraint name get PostgreSQL's, as
 * {@link ConstraintNameRewrite} gives CREATE TABLE's. Works on tokens: JSqlParser does not parse
 * every ADD form PostgreSQL accepts (ADD CHECK, for one). Each ADD of the statement is named on its
 * own; names are in the text the master logs, so replicas get the same ones.
 */
final class AlterTableConstraintNames {

  private AlterTableConstraintNames() {}

  static boolean mightApply(String lower) {
    return lower.contains("alter") && lower.contains("add");
  }

  /** The statement with its unnamed constraints named, or null if it has none. */
  static String rewrite(String sql, List<Token> tokens, Schema schema) throws StatementException {
    int i = 0;
    if (!keyword(tokens, i++, "ALTER") || !keyword(tokens, i++, "TABLE")) {
      return null;
    }
    if (keyword(tokens, i, "IF") && keyword(tokens, i + 1, "EXISTS")) {
      i += 2;
    }
    if (keyword(tokens, i, "ONLY")) {
      i++;
    }
    List<String> qualified = new ArrayList<>();
    while (i < tokens.size() && tokens.get(i).isName()) {
      qualified.add(tokens.get(i++).value());
      if (i < tokens.size() && tokens.get(i).is(".")) {
        i++;
      } else {
        break;
      }
    }
    if (qualified.isEmpty()) {
      return null;
    }
    ConstraintNamer namer =
        new ConstraintNamer(
            qualified.get(qualified.size() - 1),
            qualified.size() > 1 ? qualified.get(qualified.size() - 2) : null,
            () -> schema);
    TreeMap<Integer, String> inserts = new TreeMap<>();
    for (int start = i; start < tokens.size(); ) {
      int end = clauseEnd(tokens, start);
      if (keyword(tokens, start, "ADD")) {
        nameAddClause(tokens, start + 1, end, namer, inserts);
      }
      start = end + 1;
    }
    if (inserts.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder(sql.length() + 40 * inserts.size());
    int copied = 0;
    for (var e : inserts.entrySet()) {
      out.append(sql, copied, e.getKey()).append("CONSTRAINT ").append(quote(e.getValue()));
      out.append(' ');
      copied = e.getKey();
    }
    return out.append(sql.substring(copied)).toString();
  }

  private static void nameAddClause(
      List<Token> tokens, int i, int end, ConstraintNamer namer, TreeMap<Integer, String> inserts)
      throws StatementException {
    if (i >= end || keyword(tokens, i, "CONSTRAINT")) {
      return;
    }
    String tableConstraint = tableConstraintName(tokens, i, end, namer);
    if (tableConstraint != null) {
      inserts.put(tokens.get(i).start(), tableConstraint);
      return;
    }
    if (keyword(tokens, i, "COLUMN")) {
      i++;
    }
    if (keyword(tokens, i, "IF")
        && keyword(tokens, i + 1, "NOT")
        && keyword(tokens, i + 2, "EXISTS")) {
      i += 3;
    }
    if (i >= end || !tokens.get(i).isName()) {
      return;
    }
    String column = tokens.get(i).value();
    int depth = 0;
    for (int k = i + 1; k < end; k++) {
      Token t = tokens.get(k);
      if (t.is("(")) {
        depth++;
      } else if (t.is(")")) {
        depth--;
      } else if (depth == 0 && !keyword(tokens, k - 2, "CONSTRAINT")) {
        String label =
            t.isKeyword("PRIMARY") && keyword(tokens, k + 1, "KEY")
                ? "pkey"
                : t.isKeyword("UNIQUE") ? "key" : t.isKeyword("REFERENCES") ? "fkey" : null;
        if (label != null) {
          inserts.put(t.start(), namer.name(label.equals("pkey") ? null : column, label));
        } else if (t.isKeyword("CHECK") && k + 1 < end && tokens.get(k + 1).is("(")) {
          String only = onlyColumn(tokens, k + 1);
          inserts.put(t.start(), namer.name(only, "check"));
        }
      }
    }
  }

  /** The name of an ADD PRIMARY KEY / UNIQUE / FOREIGN KEY / CHECK at {@code i}, else null. */
  private static String tableConstraintName(
      List<Token> tokens, int i, int end, ConstraintNamer namer) throws StatementException {
    if (keyword(tokens, i, "PRIMARY") && keyword(tokens, i + 1, "KEY")) {
      return namer.name(null, "pkey");
    }
    if (keyword(tokens, i, "UNIQUE") && i + 1 < end && tokens.get(i + 1).is("(")) {
      return namer.name(String.join("_", names(tokens, i + 2)), "key");
    }
    if (keyword(tokens, i, "FOREIGN") && keyword(tokens, i + 1, "KEY") && i + 2 < end) {
      return namer.name(String.join("_", names(tokens, i + 3)), "fkey");
    }
    if (keyword(tokens, i, "CHECK") && i + 1 < end && tokens.get(i + 1).is("(")) {
      return namer.name(onlyColumn(tokens, i + 1), "check");
    }
    return null;
  }

  /** The comma-separated names of a column list whose first token is at {@code from}. */
  private static List<String> names(List<Token> tokens, int from) {
    List<String> out = new ArrayList<>();
    for (int k = from; k < tokens.size() && !tokens.get(k).is(")"); k++) {
      if (tokens.get(k).isName()) {
        out.add(tokens.get(k).value());
      }
    }
    return out;
  }

  /**
   * The one column a parenthesized CHECK expression reads, or null: names not called as functions,
   * not keywords PostgreSQL's expressions use, and not qualifiers.
   */
  private static String onlyColumn(List<Token> tokens, int open) {
    Set<String> columns = new LinkedHashSet<>();
    int depth = 0;
    for (int k = open; k < tokens.size(); k++) {
      Token t = tokens.get(k);
      if (t.is("(")) {
        depth++;
      } else if (t.is(")") && --depth == 0) {
        break;
      } else if (t.isName()
          && !(k + 1 < tokens.size() && (tokens.get(k + 1).is("(") || tokens.get(k + 1).is(".")))
          && !(t.kind() == TokenKind.IDENTIFIER && EXPRESSION_WORDS.contains(t.upper()))) {
        columns.add(t.value());
      }
    }
    return columns.size() == 1 ? columns.iterator().next() : null;
  }

  private static final Set<String> EXPRESSION_WORDS =
      Set.of(
          "AND",
          "OR",
          "NOT",
          "NULL",
          "IS",
          "IN",
          "LIKE",
          "ILIKE",
          "BETWEEN",
          "TRUE",
          "FALSE",
          "CASE",
          "WHEN",
          "THEN",
          "ELSE",
          "END",
          "DISTINCT",
          "FROM",
          "ANY",
          "ALL",
          "SIMILAR",
          "TO",
          "ESCAPE",
          "COLLATE",
          "INTEGER",
          "INT",
          "TEXT",
          "NUMERIC",
          "VARCHAR",
          "DATE",
          "TIMESTAMP",
          "BOOLEAN",
          "BIGINT",
          "ARRAY");

  /** The index of the depth-0 comma ending the clause at {@code start}, or the token count. */
  private static int clauseEnd(List<Token> tokens, int start) {
    int depth = 0;
    for (int k = start; k < tokens.size(); k++) {
      Token t = tokens.get(k);
      if (t.is("(")) {
        depth++;
      } else if (t.is(")")) {
        depth--;
      } else if (depth == 0 && (t.is(",") || t.is(";"))) {
        return k;
      }
    }
    return tokens.size();
  }

  private static boolean keyword(List<Token> tokens, int i, String keyword) {
    return i >= 0 && i < tokens.size() && tokens.get(i).isKeyword(keyword);
  }

  private static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
