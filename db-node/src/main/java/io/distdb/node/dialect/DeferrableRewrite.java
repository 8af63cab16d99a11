package io.distdb.node.dialect;

import io.distdb.node.sql.Token;
import java.util.List;

/**
 * Drops {@code DEFERRABLE}, {@code NOT DEFERRABLE}, {@code INITIALLY DEFERRED} and {@code INITIALLY
 * IMMEDIATE} from constraint definitions in CREATE TABLE and ALTER TABLE (Django declares every
 * foreign key {@code DEFERRABLE INITIALLY DEFERRED}). The engine has no deferred constraints: it
 * checks each one at the statement, as PostgreSQL does for a constraint that is not deferred (see
 * README, "What differs from PostgreSQL"). Also drops the {@code CASCADE} / {@code RESTRICT} that
 * ends {@code ALTER TABLE ... DROP [COLUMN] c} (Django's contenttypes 0002), which the engine
 * lacks: it refuses to drop a column a view or constraint still uses, as RESTRICT does. Runs on the
 * text: JSqlParser 5.3 does not parse these.
 */
final class DeferrableRewrite {

  private DeferrableRewrite() {}

  static boolean mightApply(String lower) {
    return lower.contains("deferr")
        || lower.contains("initially")
        || (lower.contains("drop") && (lower.contains("cascade") || lower.contains("restrict")));
  }

  /** The statement without the clauses, or null if it has none (or is not a table definition). */
  static String rewrite(String sql, List<Token> tokens) {
    if (tokens.size() < 2
        || !(tokens.get(0).isKeyword("CREATE") || tokens.get(0).isKeyword("ALTER"))
        || !tokens.get(1).isKeyword("TABLE")) {
      return null;
    }
    StringBuilder out = new StringBuilder(sql.length());
    int copied = 0;
    boolean changed = false;
    for (int i = 2; i < tokens.size(); i++) {
      int width = clauseWidth(tokens, i);
      if (width > 0) {
        out.append(sql, copied, tokens.get(i).start());
        copied = tokens.get(i + width - 1).end();
        i += width - 1;
        changed = true;
      }
    }
    if (dropsColumn(tokens)) {
      Token last = tokens.get(tokens.size() - 1);
      if (last.isKeyword("CASCADE") || last.isKeyword("RESTRICT")) {
        out.append(sql, copied, last.start());
        copied = sql.length();
        changed = true;
      }
    }
    return changed ? out.append(sql, copied, sql.length()).toString() : null;
  }

  /** ALTER TABLE t DROP [COLUMN] c (not DROP CONSTRAINT, which the engine takes with CASCADE). */
  private static boolean dropsColumn(List<Token> tokens) {
    if (!tokens.get(0).isKeyword("ALTER")) {
      return false;
    }
    for (int i = 2; i + 1 < tokens.size(); i++) {
      if (tokens.get(i).isKeyword("DROP")) {
        Token next = tokens.get(i + 1);
        return !next.isKeyword("CONSTRAINT")
            && !next.isKeyword("DEFAULT")
            && !next.isKeyword("NOT")
            && !next.isKeyword("IDENTITY")
            && !next.isKeyword("EXPRESSION");
      }
    }
    return false;
  }

  private static int clauseWidth(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
    if (t.isKeyword("DEFERRABLE")) {
      return 1;
    }
    if (t.isKeyword("NOT") && next != null && next.isKeyword("DEFERRABLE")) {
      return 2;
    }
    if (t.isKeyword("INITIALLY")
        && next != null
        && (next.isKeyword("DEFERRED") || next.isKeyword("IMMEDIATE"))) {
      return 2;
    }
    return 0;
  }
}
