package io.distdb.node.sql;

import java.util.List;

/**
 * Classifies CREATE, ALTER, DROP, TRUNCATE, COMMENT, GRANT, REVOKE, SECURITY LABEL and REFRESH,
 * producing PostgreSQL's command tag (CREATE UNIQUE INDEX completes as {@code CREATE INDEX}, CREATE
 * TABLE AS as {@code SELECT n}, CREATE USER as {@code CREATE ROLE}).
 */
final class DdlClassifier {

  /** Words between CREATE and the object type that do not change the tag. */
  private static final List<List<String>> CREATE_MODIFIERS =
      List.of(
          List.of("OR", "REPLACE"),
          List.of("TEMP"),
          List.of("TEMPORARY"),
          List.of("UNLOGGED"),
          List.of("GLOBAL"),
          List.of("LOCAL"),
          List.of("UNIQUE"),
          List.of("RECURSIVE"),
          List.of("TRUSTED"),
          List.of("PROCEDURAL"),
          List.of("DEFAULT"),
          List.of("CONSTRAINT"));

  private final List<Token> tokens;
  private final TokenStream in;

  DdlClassifier(List<Token> tokens, TokenStream in) {
    this.tokens = tokens;
    this.in = in;
  }

  /** Classifies the statement whose first keyword {@code in} is positioned on; null if not DDL. */
  Statement classify() throws StatementException {
    if (in.accept("CREATE")) {
      return create();
    }
    if (in.accept("ALTER")) {
      return alterOrDrop("ALTER");
    }
    if (in.accept("DROP")) {
      if (in.isKeyword("DATABASE")) {
        return new DatabaseCommandParser(in).drop();
      }
      return alterOrDrop("DROP");
    }
    if (in.accept("TRUNCATE")) {
      return SimpleStatement.of(StatementKind.DDL, "TRUNCATE TABLE");
    }
    if (in.accept("COMMENT")) {
      return SimpleStatement.of(StatementKind.DDL, "COMMENT");
    }
    if (in.accept("SECURITY", "LABEL")) {
      return SimpleStatement.of(StatementKind.DDL, "SECURITY LABEL");
    }
    if (in.accept("REFRESH", "MATERIALIZED", "VIEW")) {
      return SimpleStatement.of(StatementKind.DDL, "REFRESH MATERIALIZED VIEW");
    }
    if (in.isKeyword("GRANT") || in.isKeyword("REVOKE")) {
      return grantOrRevoke(in.next().upper());
    }
    return null;
  }

  private Statement create() throws StatementException {
    boolean skipped;
    do {
      skipped = false;
      for (List<String> modifier : CREATE_MODIFIERS) {
        if (in.accept(modifier.toArray(String[]::new))) {
          skipped = true;
        }
      }
    } while (skipped);
    if (in.isKeyword("DATABASE")) {
      return new DatabaseCommandParser(in).create();
    }
    ObjectType type = ObjectType.accept(in);
    if (type == null) {
      return SimpleStatement.of(StatementKind.OTHER, "CREATE" + unknownWord());
    }
    if (type == ObjectType.EXTENSION) {
      BuiltinExtension builtin = builtinExtension();
      if (builtin != null) {
        return builtin;
      }
    }
    if ((type == ObjectType.TABLE || type == ObjectType.MATERIALIZED_VIEW) && hasTopLevelAs()) {
      // CREATE TABLE AS and CREATE MATERIALIZED VIEW run their query and complete as "SELECT n",
      // unless WITH NO DATA skips the query.
      String noDataTag = type == ObjectType.TABLE ? "CREATE TABLE AS" : "CREATE MATERIALIZED VIEW";
      String tag = endsWithNoData() ? noDataTag : "SELECT";
      return SimpleStatement.of(StatementKind.DDL, tag);
    }
    return ddl("CREATE", type);
  }

  private Statement alterOrDrop(String verb) {
    ObjectType type = ObjectType.accept(in);
    if (type == null) {
      return SimpleStatement.of(StatementKind.OTHER, verb + unknownWord());
    }
    if (verb.equals("ALTER") && !type.clusterWide() && isOwnerChange()) {
      return new OwnerChange("ALTER " + type.tagWords());
    }
    return ddl(verb, type);
  }

  /**
   * Whether the rest is {@code [IF EXISTS] [ONLY] name [(arguments)] OWNER TO role}: the name may
   * be qualified, a function's or aggregate's argument list follows it. Leaves {@code in} where it
   * was.
   */
  private boolean isOwnerChange() {
    int start = in.position();
    try {
      in.accept("IF", "EXISTS");
      in.accept("ONLY");
      Token name = in.peek();
      if (name == null || !name.isName()) {
        return false;
      }
      in.skip();
      while (in.acceptSymbol(".")) {
        Token part = in.peek();
        if (part == null || !part.isName()) {
          return false;
        }
        in.skip();
      }
      if (in.peek() != null && in.peek().is("(")) {
        int depth = 0;
        do {
          Token t = in.peek();
          in.skip();
          depth += t.is("(") ? 1 : t.is(")") ? -1 : 0;
        } while (depth > 0 && in.peek() != null);
      }
      if (!in.accept("OWNER", "TO")) {
        return false;
      }
      Token role = in.peek();
      if (role == null || !role.isName()) {
        return false;
      }
      in.skip();
      return in.atEnd();
    } finally {
      in.rewind(start);
    }
  }

  /** {@code [IF NOT EXISTS] name [WITH] [SCHEMA s] [VERSION v] [CASCADE]} of a built-in one. */
  private BuiltinExtension builtinExtension() {
    int start = in.position();
    boolean ifNotExists = in.accept("IF", "NOT", "EXISTS");
    Token name = in.peek();
    if (name == null
        || !(name.isName() || name.kind() == TokenKind.STRING)
        || !BuiltinExtension.NAMES.contains(name.value())) {
      in.rewind(start);
      return null;
    }
    in.skip();
    in.accept("WITH");
    while (!in.atEnd()) {
      if (in.accept("SCHEMA") || in.accept("VERSION")) {
        Token value = in.peek();
        if (value == null) {
          break;
        }
        in.skip();
      } else if (!in.accept("CASCADE")) {
        in.rewind(start);
        return null;
      }
    }
    return new BuiltinExtension(name.value(), ifNotExists);
  }

  private static Statement ddl(String verb, ObjectType type) {
    StatementKind kind = type.clusterWide() ? StatementKind.OTHER : StatementKind.DDL;
    return SimpleStatement.of(kind, verb + " " + type.tagWords());
  }

  /**
   * GRANT/REVOKE privileges name an object with ON; without ON they grant role membership, which is
   * cluster-wide (tag {@code GRANT ROLE}).
   */
  private Statement grantOrRevoke(String verb) {
    int depth = 0;
    for (Token t = in.peek(); t != null; t = in.peek()) {
      if (t.is("(")) {
        depth++;
      } else if (t.is(")")) {
        depth--;
      } else if (depth == 0 && t.isKeyword("ON")) {
        return SimpleStatement.of(StatementKind.DDL, verb);
      }
      in.skip();
    }
    return SimpleStatement.of(StatementKind.OTHER, verb + " ROLE");
  }

  private boolean hasTopLevelAs() {
    int depth = 0;
    for (Token t = in.peek(); t != null; t = in.peek()) {
      if (t.is("(")) {
        depth++;
      } else if (t.is(")")) {
        depth--;
      } else if (depth == 0 && t.isKeyword("AS")) {
        return true;
      }
      in.skip();
    }
    return false;
  }

  private boolean endsWithNoData() {
    int n = tokens.size();
    return n >= 3
        && tokens.get(n - 3).isKeyword("WITH")
        && tokens.get(n - 2).isKeyword("NO")
        && tokens.get(n - 1).isKeyword("DATA");
  }

  private String unknownWord() {
    Token t = in.peek();
    return t == null ? "" : " " + t.upper();
  }
}
