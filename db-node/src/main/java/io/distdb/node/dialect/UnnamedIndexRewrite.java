package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import io.distdb.node.sql.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] ON t (...)} without a name gets the name PostgreSQL
 * would choose, {@code <table>_<columns>_idx}, written into the statement. H2 would invent {@code
 * INDEX_C}, which tools then show and migrations later try to drop by PostgreSQL's name. Because
 * the name is in the statement text the master logs, every replica gets the same one.
 *
 * <p>The rules are PostgreSQL 15's ({@code ChooseIndexName}, {@code ChooseIndexColumnNames}, {@code
 * makeObjectName} and {@code ChooseRelationName} in {@code indexcmds.c} and {@code namespace.c}): a
 * plain column is named by itself, a function call by the function's name, any other expression
 * {@code expr}; repeated names get 1, 2, ... appended; the table and column parts are shortened,
 * the longer one first, to fit 63 characters with the label; and while the name is taken by a
 * relation or constraint of the schema, the label becomes {@code idx1}, {@code idx2}, ...
 */
final class UnnamedIndexRewrite {

  private static final int MAX_NAME = 63;

  private UnnamedIndexRewrite() {}

  /** True for statements that might be an unnamed CREATE INDEX: cheap, before tokenizing. */
  static boolean mightApply(String lower) {
    return lower.contains("index") && lower.contains("on");
  }

  /** The statement with the index named, or null if it already has a name or is something else. */
  static String rewrite(String sql, List<Token> tokens, Schema schema) throws StatementException {
    int i = 0;
    if (!keyword(tokens, i++, "CREATE")) {
      return null;
    }
    if (keyword(tokens, i, "UNIQUE")) {
      i++;
    }
    if (!keyword(tokens, i++, "INDEX")) {
      return null;
    }
    int nameAt = i;
    if (keyword(tokens, i, "CONCURRENTLY")) {
      nameAt = ++i;
    }
    if (!keyword(tokens, i++, "ON")) {
      return null; // named, or IF NOT EXISTS (which PostgreSQL only accepts with a name)
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
    if (keyword(tokens, i, "USING")) {
      i += 2;
    }
    if (i >= tokens.size() || !tokens.get(i).is("(")) {
      return null;
    }
    List<String> columns = columnNames(tokens, i + 1);
    if (columns.isEmpty()) {
      return null;
    }
    String table = qualified.get(qualified.size() - 1);
    String schemaName = qualified.size() > 1 ? qualified.get(qualified.size() - 2) : null;
    String name = chooseName(table, String.join("_", columns), schemaName, schema);
    int at = tokens.get(nameAt).start();
    return sql.substring(0, at) + quote(name) + ' ' + sql.substring(at);
  }

  /** The index's column names, from the element list opened just before {@code from}. */
  private static List<String> columnNames(List<Token> tokens, int from) {
    List<String> names = new ArrayList<>();
    Set<String> used = new HashSet<>();
    int depth = 0;
    int elementStart = from;
    for (int i = from; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.is("(")) {
        depth++;
      } else if (t.is(")") && depth > 0) {
        depth--;
      } else if (depth == 0 && (t.is(",") || t.is(")"))) {
        names.add(unique(elementName(tokens, elementStart, i), used));
        if (t.is(")")) {
          return names;
        }
        elementStart = i + 1;
      }
    }
    return List.of(); // unbalanced: let the engine report the syntax error
  }

  private static String elementName(List<Token> tokens, int start, int end) {
    if (start >= end) {
      return "expr";
    }
    Token first = tokens.get(start);
    boolean call = start + 1 < end && tokens.get(start + 1).is("(");
    if (first.isName() && (call || start + 1 == end || isOrdering(tokens.get(start + 1)))) {
      return first.value(); // a column, or a function call named by its function
    }
    if (first.is("(") && start + 2 < end && tokens.get(start + 1).isName()) {
      Token next = tokens.get(start + 2);
      if (next.is(")") || next.is("::") || next.is("(")) {
        return tokens.get(start + 1).value(); // (col), (col::type), (f(...))
      }
    }
    return "expr";
  }

  /** What may follow a plain column in an index element: ordering, nulls, opclass, collation. */
  private static boolean isOrdering(Token t) {
    return t.isName() || t.is(",") || t.is(")");
  }

  private static String unique(String name, Set<String> used) {
    String candidate = name;
    for (int n = 1; !used.add(candidate); n++) {
      candidate = name + n;
    }
    return candidate;
  }

  static String chooseName(String table, String columns, String schemaName, Schema schema)
      throws StatementException {
    String label = "idx";
    for (int pass = 1; ; pass++) {
      String name = objectName(table, columns, label);
      if (!schema.relationExists(schemaName, name)) {
        return name;
      }
      label = "idx" + pass;
    }
  }

  /**
   * {@code makeObjectName}: both parts shortened, the longer first, so that all fits; a null second
   * part is left out ({@code t_pkey}).
   */
  static String objectName(String first, String second, String label) {
    if (second == null) {
      int firstChars = Math.min(first.length(), MAX_NAME - (label.length() + 1));
      return first.substring(0, firstChars) + '_' + label;
    }
    int available = MAX_NAME - (label.length() + 1) - 1;
    int firstChars = first.length();
    int secondChars = Math.min(second.length(), MAX_NAME);
    while (firstChars + secondChars > available) {
      if (firstChars > secondChars) {
        firstChars--;
      } else {
        secondChars--;
      }
    }
    return first.substring(0, firstChars) + '_' + second.substring(0, secondChars) + '_' + label;
  }

  private static boolean keyword(List<Token> tokens, int i, String keyword) {
    return i < tokens.size() && tokens.get(i).isKeyword(keyword);
  }

  private static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
