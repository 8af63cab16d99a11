package io.distdb.node.sql;

import java.util.Locale;

/**
 * Reads {@code CREATE DATABASE name [[WITH] option ...]} and {@code DROP DATABASE [IF EXISTS] name
 * [[WITH] (FORCE [, ...])]}, positioned on the DATABASE keyword. The name is folded like any
 * PostgreSQL identifier: {@code Shop} becomes {@code shop}, {@code "Shop"} stays {@code Shop}.
 */
final class DatabaseCommandParser {

  private final TokenStream in;

  DatabaseCommandParser(TokenStream in) {
    this.in = in;
  }

  DatabaseCommand create() throws StatementException {
    in.expect("DATABASE");
    String name = in.name();
    // Options (OWNER, ENCODING, TEMPLATE, ...) mean nothing for a logical database: not kept.
    return new DatabaseCommand(DatabaseCommand.Action.CREATE, name, false, false);
  }

  DatabaseCommand drop() throws StatementException {
    in.expect("DATABASE");
    boolean ifExists = in.accept("IF", "EXISTS");
    String name = in.name();
    boolean force = false;
    if (!in.atEnd()) {
      in.accept("WITH");
      in.expectSymbol("(");
      do {
        Token option = in.next();
        if (!option.isKeyword("FORCE")) {
          throw StatementException.syntax(
              "unrecognized DROP DATABASE option \""
                  + option.value().toLowerCase(Locale.ROOT)
                  + "\"");
        }
        force = true;
      } while (in.acceptSymbol(","));
      in.expectSymbol(")");
      in.expectEnd();
    }
    return new DatabaseCommand(DatabaseCommand.Action.DROP, name, ifExists, force);
  }
}
