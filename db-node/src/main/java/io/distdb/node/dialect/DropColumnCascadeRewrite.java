package io.distdb.node.dialect;

import io.distdb.node.sql.Token;
import java.util.List;

/**
 * The {@code CASCADE} / {@code RESTRICT} that ends {@code ALTER TABLE ... DROP [COLUMN] c}
 * (Django's contenttypes 0002 writes it), which the engine lacks: dropped. The engine refuses to
 * drop a column a view or constraint still uses, as RESTRICT does, so CASCADE's extra drops do not
 * happen (dialect/DESIGN.md).
 */
final class DropColumnCascadeRewrite implements TextRewrite {

  @Override
  public String rewrite(String sql, List<Token> tokens) {
    if (tokens.size() < 4
        || !tokens.get(0).isKeyword("ALTER")
        || !tokens.get(1).isKeyword("TABLE")) {
      return null;
    }
    Token last = tokens.get(tokens.size() - 1);
    if (!(last.isKeyword("CASCADE") || last.isKeyword("RESTRICT")) || !dropsColumn(tokens)) {
      return null;
    }
    return sql.substring(0, last.start()) + sql.substring(last.end());
  }

  /** ALTER TABLE t DROP [COLUMN] c (not DROP CONSTRAINT, which the engine takes with CASCADE). */
  private static boolean dropsColumn(List<Token> tokens) {
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
}
