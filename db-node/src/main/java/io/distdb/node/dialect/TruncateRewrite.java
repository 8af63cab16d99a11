package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import io.distdb.node.sql.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code TRUNCATE [TABLE] [ONLY] t [*] [, ...] [RESTART | CONTINUE IDENTITY] [RESTRICT]} becomes
 * one H2 {@code TRUNCATE TABLE t [RESTART IDENTITY]} per table, run as one statement. H2 cannot
 * truncate a table a foreign key references, so {@code CASCADE} works only where nothing references
 * the tables.
 */
final class TruncateRewrite implements TextRewrite {

  @Override
  public String rewrite(String sql, List<Token> tokens) throws StatementException {
    if (tokens.isEmpty() || !tokens.get(0).isKeyword("TRUNCATE")) {
      return null;
    }
    List<String> tables = new ArrayList<>();
    boolean restart = false;
    int i = 1;
    if (i < tokens.size() && tokens.get(i).isKeyword("TABLE")) {
      i++;
    }
    StringBuilder name = new StringBuilder();
    for (; i < tokens.size(); i++) {
      Token tok = tokens.get(i);
      if (tok.isKeyword("ONLY") || tok.is("*")) {
        continue;
      }
      if (tok.is(",") || tok.is(";")) {
        addName(tables, name);
      } else if (tok.isKeyword("RESTART") || tok.isKeyword("CONTINUE")) {
        restart = tok.isKeyword("RESTART");
        i++; // IDENTITY
        if (i >= tokens.size() || !tokens.get(i).isKeyword("IDENTITY")) {
          throw syntax(i < tokens.size() ? tokens.get(i).text() : "end of input");
        }
      } else if (tok.isKeyword("CASCADE") || tok.isKeyword("RESTRICT")) {
        // H2 refuses to truncate a table that a foreign key references (0A000, as PostgreSQL
        // without CASCADE): CASCADE is only honoured where there is nothing to cascade to.
      } else if (tok.isName() || tok.is(".")) {
        name.append(tok.text());
      } else {
        throw syntax(tok.text());
      }
    }
    addName(tables, name);
    if (tables.isEmpty()) {
      throw syntax("end of input");
    }
    String suffix = restart ? " RESTART IDENTITY" : "";
    List<String> statements = new ArrayList<>();
    for (String table : tables) {
      statements.add("TRUNCATE TABLE " + table + suffix);
    }
    return String.join("; ", statements);
  }

  private static void addName(List<String> tables, StringBuilder name) {
    if (!name.isEmpty()) {
      tables.add(name.toString());
      name.setLength(0);
    }
  }

  private static StatementException syntax(String near) {
    return new StatementException(
        StatementException.SYNTAX_ERROR, "syntax error at or near \"" + near + "\"");
  }
}
