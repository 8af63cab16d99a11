package io.distdb.node.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads SET, RESET, SHOW, DISCARD and DEALLOCATE. PostgreSQL's special SET forms are mapped to the
 * parameter they set, as the server does: {@code SET TIME ZONE} to {@code timezone}, {@code SET
 * NAMES} to {@code client_encoding}, {@code SET SCHEMA} to {@code search_path}.
 */
final class SessionParser {

  private final TokenStream in;

  SessionParser(TokenStream in) {
    this.in = in;
  }

  /** Null if the statement is not a session command. */
  Statement parse() throws StatementException {
    if (in.accept("SET")) {
      return set();
    }
    if (in.accept("RESET")) {
      return named(SessionCommand.Op.RESET, "RESET");
    }
    if (in.accept("SHOW")) {
      return named(SessionCommand.Op.SHOW, "SHOW");
    }
    if (in.accept("DISCARD")) {
      String what = in.name();
      in.expectEnd();
      String name = what.equals("temporary") ? "temp" : what;
      if (!List.of("all", "plans", "sequences", "temp").contains(name)) {
        throw StatementException.syntax("syntax error at or near \"" + what + "\"");
      }
      return new SessionCommand(
          SessionCommand.Op.DISCARD, "DISCARD " + name.toUpperCase(Locale.ROOT), name, null, false);
    }
    if (in.isKeyword("LOCK")) {
      return lock();
    }
    if (in.accept("DEALLOCATE")) {
      in.accept("PREPARE");
      boolean all = in.accept("ALL");
      String name = all ? "all" : in.name();
      in.expectEnd();
      return new SessionCommand(
          SessionCommand.Op.DEALLOCATE, all ? "DEALLOCATE ALL" : "DEALLOCATE", name, null, false);
    }
    return null;
  }

  /**
   * {@code LOCK [TABLE] [ONLY] name [*], ... IN ACCESS SHARE | ROW SHARE | SHARE MODE [NOWAIT]}, as
   * pg_dump locks every table it dumps. Those modes conflict only with schema changes and writes;
   * distdb's reads see one snapshot of a transaction block already, and it takes no lock on the
   * client's behalf: the command succeeds and holds nothing, so a schema change by another session
   * is not held off (see dialect/DESIGN.md). Any other mode is null: OTHER, refused with 0A000.
   */
  private Statement lock() throws StatementException {
    int start = in.position();
    in.skip();
    in.accept("TABLE");
    in.accept("ONLY");
    do {
      parameterName();
      in.acceptSymbol("*");
    } while (in.acceptSymbol(","));
    boolean shared =
        in.accept("IN", "ACCESS", "SHARE", "MODE")
            || in.accept("IN", "ROW", "SHARE", "MODE")
            || in.accept("IN", "SHARE", "MODE");
    in.accept("NOWAIT");
    if (!shared || !in.atEnd()) {
      in.rewind(start);
      return null;
    }
    return new SessionCommand(SessionCommand.Op.LOCK, "LOCK TABLE", null, null, false);
  }

  private Statement set() throws StatementException {
    if (in.accept("SESSION", "CHARACTERISTICS", "AS", "TRANSACTION")) {
      return setTransaction("default_");
    }
    boolean local = in.accept("LOCAL");
    if (in.accept("SESSION", "AUTHORIZATION")) {
      return defaultOrValue("session_authorization", local);
    }
    // SESSION is the default scope; "SET session TO x" would name a parameter called session.
    Token afterSession = in.peek(1);
    if (!local
        && in.isKeyword("SESSION")
        && !(afterSession != null && (afterSession.isKeyword("TO") || afterSession.is("=")))) {
      in.skip();
    }
    if (in.accept("TRANSACTION")) {
      return in.isKeyword("SNAPSHOT")
          ? SimpleStatement.of(StatementKind.OTHER, "SET")
          : setTransaction("");
    }
    if (in.accept("CONSTRAINTS")) {
      return SimpleStatement.of(StatementKind.OTHER, "SET CONSTRAINTS");
    }
    if (in.accept("TIME", "ZONE")) {
      if (in.accept("LOCAL") || in.accept("DEFAULT")) {
        in.expectEnd();
        return reset("timezone");
      }
      return setValue("timezone", local);
    }
    if (in.accept("NAMES")) {
      return defaultOrValue("client_encoding", local);
    }
    if (in.accept("SCHEMA")) {
      return setValue("search_path", local);
    }
    if (in.accept("ROLE")) {
      return setValue("role", local);
    }
    if (in.accept("XML", "OPTION")) {
      return setValue("xmloption", local);
    }
    String name = parameterName();
    if (!in.accept("TO") && !in.acceptSymbol("=")) {
      throw in.syntaxError();
    }
    return defaultOrValue(name, local);
  }

  private Statement defaultOrValue(String name, boolean local) throws StatementException {
    if (in.accept("DEFAULT")) {
      in.expectEnd();
      return reset(name);
    }
    return setValue(name, local);
  }

  /**
   * SET TRANSACTION sets {@code transaction_isolation} or {@code transaction_read_only}; SET
   * SESSION CHARACTERISTICS sets their {@code default_} variants; both at once (pg_dump's {@code
   * SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY}) set both. DEFERRABLE alone
   * classifies as OTHER.
   */
  private Statement setTransaction(String prefix) throws StatementException {
    TransactionParser.TransactionModes modes = TransactionParser.TransactionModes.read(in);
    in.expectEnd();
    if (modes.isolationLevel() != null && modes.readWrite() == null) {
      return new SessionCommand(
          SessionCommand.Op.SET,
          "SET",
          prefix + "transaction_isolation",
          modes.isolationLevel(),
          false);
    }
    if (modes.isolationLevel() == null && modes.readWrite() != null) {
      String value = modes.readOnly() ? "on" : "off";
      return new SessionCommand(
          SessionCommand.Op.SET, "SET", prefix + "transaction_read_only", value, false);
    }
    if (modes.isolationLevel() != null) {
      return new SessionCommand(
          SessionCommand.Op.SET,
          "SET",
          prefix + "transaction_isolation",
          modes.isolationLevel(),
          false,
          Map.of(prefix + "transaction_read_only", modes.readOnly() ? "on" : "off"));
    }
    return SimpleStatement.of(StatementKind.OTHER, "SET");
  }

  private Statement named(SessionCommand.Op op, String tag) throws StatementException {
    String name;
    if (in.accept("TIME", "ZONE")) {
      name = "timezone";
    } else if (in.accept("SESSION", "AUTHORIZATION")) {
      name = "session_authorization";
    } else if (in.accept("TRANSACTION", "ISOLATION", "LEVEL")) {
      name = "transaction_isolation";
    } else {
      name = parameterName();
    }
    in.expectEnd();
    return new SessionCommand(op, tag, name, null, false);
  }

  private SessionCommand reset(String name) {
    return new SessionCommand(SessionCommand.Op.RESET, "SET", name, null, false);
  }

  /** {@code name} or {@code prefix.name}, as custom settings are spelled. */
  private String parameterName() throws StatementException {
    StringBuilder name = new StringBuilder(in.name());
    while (in.acceptSymbol(".")) {
      name.append('.').append(in.name());
    }
    return name.toString();
  }

  /**
   * A comma-separated list of strings, names and numbers becomes their values joined with ", ";
   * anything more complex (INTERVAL '1' HOUR, ...) is kept as written.
   */
  private SessionCommand setValue(String name, boolean local) throws StatementException {
    int start = in.position();
    List<String> items = new ArrayList<>();
    boolean simple = true;
    do {
      String item = simpleValue();
      if (item == null) {
        simple = false;
        break;
      }
      items.add(item);
    } while (in.acceptSymbol(","));
    if (items.isEmpty() && in.atEnd()) {
      throw in.syntaxError();
    }
    String value = simple && in.atEnd() ? String.join(", ", items) : in.textFrom(start);
    return new SessionCommand(SessionCommand.Op.SET, "SET", name, value, local);
  }

  private String simpleValue() throws StatementException {
    Token t = in.peek();
    if (t == null) {
      return null;
    }
    switch (t.kind()) {
      case STRING, DOLLAR_STRING, IDENTIFIER, QUOTED_IDENTIFIER, NUMBER -> {
        in.skip();
        return t.value();
      }
      case OPERATOR -> {
        Token number = in.peek(1);
        if ((t.is("-") || t.is("+")) && number != null && number.kind() == TokenKind.NUMBER) {
          in.skip();
          in.skip();
          return (t.is("-") ? "-" : "") + number.text();
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }
}
