package io.distdb.node.dialect;

import io.distdb.node.sql.Token;
import java.util.List;

/**
 * {@code ALTER TABLE t RENAME c TO d}: PostgreSQL's {@code COLUMN} is optional (knex's {@code
 * renameColumn} leaves it out), H2 needs it. The keyword is added where RENAME is followed by a
 * name other than {@code TO}, {@code COLUMN} or {@code CONSTRAINT}.
 */
final class RenameColumnRewrite implements TextRewrite {

  static boolean mightApply(String lower) {
    return lower.contains("rename");
  }

  @Override
  public String rewrite(String sql, List<Token> tokens) {
    if (tokens.size() < 6
        || !tokens.get(0).isKeyword("ALTER")
        || !tokens.get(1).isKeyword("TABLE")) {
      return null;
    }
    for (int i = 2; i + 3 < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.isKeyword("RENAME")) {
        continue;
      }
      Token next = tokens.get(i + 1);
      if (next.isName()
          && !next.isKeyword("TO")
          && !next.isKeyword("COLUMN")
          && !next.isKeyword("CONSTRAINT")
          && tokens.get(i + 2).isKeyword("TO")) {
        return sql.substring(0, t.end()) + " COLUMN" + sql.substring(t.end());
      }
      return null;
    }
    return null;
  }
}
