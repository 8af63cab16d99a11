package io.distdb.node.dialect;

import io.distdb.node.sql.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ALTER TABLE [IF EXISTS] [ONLY] t action [, action ...]}, as pg_dump writes its constraints
 * ({@code ALTER TABLE ONLY public.t ADD CONSTRAINT ...}), becomes one statement per action, each
 * {@code ALTER TABLE [IF EXISTS] t action}: the engine takes one action per ALTER TABLE and knows
 * no ONLY. distdb has no table inheritance, so ONLY (this table, not its children) and {@code t *}
 * mean the table itself. The statements run as one engine text, in order; each is translated like
 * any statement the client sends.
 */
final class AlterTableActions {

  private AlterTableActions() {}

  static boolean mightApply(String lower) {
    return lower.contains("alter") && (lower.contains("only") || lower.contains(","));
  }

  /**
   * The statements to run instead of {@code sql}, or null if it is not an ALTER TABLE with ONLY, a
   * {@code *} or more than one action.
   */
  static List<String> split(String sql, List<Token> tokens) {
    int i = 0;
    if (!keyword(tokens, i++, "ALTER") || !keyword(tokens, i++, "TABLE")) {
      return null;
    }
    String ifExists = "";
    if (keyword(tokens, i, "IF") && keyword(tokens, i + 1, "EXISTS")) {
      ifExists = "IF EXISTS ";
      i += 2;
    }
    boolean changed = false;
    if (keyword(tokens, i, "ONLY")) {
      changed = true;
      i++;
    }
    int nameStart = i;
    while (i < tokens.size() && tokens.get(i).isName()) {
      i++;
      if (i < tokens.size() && tokens.get(i).is(".")) {
        i++;
      } else {
        break;
      }
    }
    if (i == nameStart || i >= tokens.size()) {
      return null;
    }
    String table = sql.substring(tokens.get(nameStart).start(), tokens.get(i - 1).end());
    if (tokens.get(i).is("*")) {
      changed = true;
      i++;
    }
    List<String> actions = new ArrayList<>();
    int depth = 0;
    int actionStart = i;
    for (int k = i; k < tokens.size(); k++) {
      Token t = tokens.get(k);
      if (t.is("(")) {
        depth++;
      } else if (t.is(")")) {
        depth--;
      } else if (depth == 0 && (t.is(",") || t.is(";"))) {
        if (k > actionStart) {
          actions.add(sql.substring(tokens.get(actionStart).start(), tokens.get(k - 1).end()));
        }
        actionStart = k + 1;
      }
    }
    if (actionStart < tokens.size()) {
      actions.add(
          sql.substring(tokens.get(actionStart).start(), tokens.get(tokens.size() - 1).end()));
    }
    if (actions.isEmpty() || (!changed && actions.size() == 1)) {
      return null;
    }
    List<String> statements = new ArrayList<>(actions.size());
    for (String action : actions) {
      statements.add("ALTER TABLE " + ifExists + table + " " + action);
    }
    return statements;
  }

  private static boolean keyword(List<Token> tokens, int i, String keyword) {
    return i >= 0 && i < tokens.size() && tokens.get(i).isKeyword(keyword);
  }
}
