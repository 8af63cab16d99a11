package io.distdb.node.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * What a schema change inside a transaction block can alter that existed before the block: the undo
 * of the block ({@code storage.undo}) copies those tables before the change runs. Objects a
 * statement creates need no copy (undo drops them), views are always rebuilt, and the statements
 * whose effect undo cannot reverse are refused.
 */
public final class DdlTargets {

  /** A possibly schema-qualified object name as written (folded like PostgreSQL folds it). */
  public record Name(String schema, String name) {}

  /**
   * @param tables tables the statement may change or create (undo copies those that existed)
   * @param indexes existing indexes whose tables the statement may change
   */
  public record Targets(List<Name> tables, List<Name> indexes) {
    static final Targets NONE = new Targets(List.of(), List.of());
  }

  private static final String VIEW_TEXT = "MERGE INTO \"distdb_internal\".\"view_text\" ";
  private static final String VIEW_RENAME = "UPDATE \"distdb_internal\".\"view_text\" ";

  private DdlTargets() {}

  /**
   * The targets of {@code engineSql}.
   *
   * @throws StatementException 0A000 for a schema change distdb cannot undo inside a block
   */
  public static Targets of(String engineSql) throws StatementException {
    List<String> statements = StatementSplitter.split(engineSql);
    if (statements.size() <= 1) {
      return ofOne(engineSql);
    }
    // The dialect may run several engine statements for one of the client's (ALTER TABLE with
    // several actions, a sequence becoming its column's identity): each must be undoable.
    return union(statements, false);
  }

  /**
   * The targets of those statements of {@code engineSql} distdb could undo, skipping the others:
   * what a schema change alters, for callers that do not undo it (autocommit).
   */
  public static Targets altered(String engineSql) throws StatementException {
    return union(StatementSplitter.split(engineSql), true);
  }

  private static Targets union(List<String> statements, boolean skipRefused)
      throws StatementException {
    List<Name> tables = new ArrayList<>();
    List<Name> indexes = new ArrayList<>();
    for (String statement : statements) {
      Targets t;
      try {
        t = ofOne(statement);
      } catch (StatementException e) {
        if (!skipRefused || !e.sqlState().equals(StatementException.FEATURE_NOT_SUPPORTED)) {
          throw e;
        }
        continue;
      }
      tables.addAll(t.tables());
      indexes.addAll(t.indexes());
    }
    return new Targets(tables, indexes);
  }

  private static Targets ofOne(String engineSql) throws StatementException {
    List<Token> tokens = SqlLexer.tokenize(engineSql);
    TokenStream in = new TokenStream(tokens, engineSql);
    if (in.accept("CREATE")) {
      return create(in);
    }
    if (in.accept("ALTER", "TABLE") || in.accept("ALTER", "MATERIALIZED", "VIEW")) {
      in.accept("IF", "EXISTS");
      in.accept("ONLY");
      return tables(List.of(name(in)));
    }
    if (in.accept("ALTER", "INDEX")) {
      in.accept("IF", "EXISTS");
      return new Targets(List.of(), List.of(name(in)));
    }
    if (in.accept("ALTER", "VIEW") || in.accept("DROP", "VIEW")) {
      return Targets.NONE;
    }
    if (in.accept("DROP", "SEQUENCE")) {
      // Undo re-creates a sequence that existed before the block from the engine's script and
      // returns it to its position (pg_dump's OWNED BY, dialect.SequenceOwnership, drops one).
      return Targets.NONE;
    }
    if (in.accept("DROP", "TABLE")) {
      in.accept("IF", "EXISTS");
      return tables(names(in));
    }
    if (in.accept("DROP", "INDEX")) {
      in.accept("CONCURRENTLY");
      in.accept("IF", "EXISTS");
      return new Targets(List.of(), names(in));
    }
    if (in.accept("TRUNCATE")) {
      in.accept("TABLE");
      in.accept("ONLY");
      return tables(names(in));
    }
    if (in.accept("COMMENT", "ON")) {
      return comment(in);
    }
    if (in.accept("DROP", "TYPE") || in.accept("DROP", "DOMAIN")) {
      // Undo re-creates a type that existed before the block from the engine's script (Alembic's
      // downgrade drops an enum type). CASCADE would change the columns using it: refused.
      if (engineSql.toUpperCase(java.util.Locale.ROOT).stripTrailing().endsWith("CASCADE")) {
        throw refused(engineSql);
      }
      return Targets.NONE;
    }
    if (engineSql.startsWith(VIEW_TEXT) || engineSql.startsWith(VIEW_RENAME)) {
      // PostgreSQL's text of a view the same engine text creates or renames (dialect.ViewSources,
      // ViewRenames): a row of distdb's own that the catalog reads only while the view's engine
      // text still matches it.
      return Targets.NONE;
    }
    throw refused(engineSql);
  }

  private static Targets create(TokenStream in) throws StatementException {
    in.accept("OR", "REPLACE");
    in.accept("UNIQUE");
    if (in.accept("INDEX")) {
      // CREATE INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table
      while (!in.atEnd() && !in.isKeyword("ON")) {
        in.skip();
      }
      in.accept("ON");
      in.accept("ONLY");
      return tables(List.of(name(in)));
    }
    if (in.accept("TABLE")) {
      // A new table: nothing to copy, but its rows (CREATE TABLE AS) are the block's.
      in.accept("IF", "NOT", "EXISTS");
      return tables(List.of(name(in)));
    }
    // New views, sequences, schemas, domains: undo drops whatever did not exist before.
    return Targets.NONE;
  }

  private static Targets comment(TokenStream in) throws StatementException {
    if (in.accept("TABLE") || in.accept("VIEW")) {
      return tables(List.of(name(in)));
    }
    if (in.accept("COLUMN")) {
      List<String> parts = dotted(in);
      // [schema.]table.column
      return tables(
          List.of(
              parts.size() >= 3
                  ? new Name(parts.get(parts.size() - 3), parts.get(parts.size() - 2))
                  : new Name(null, parts.get(0))));
    }
    if (in.accept("INDEX")) {
      return new Targets(List.of(), List.of(name(in)));
    }
    throw refused("COMMENT ON " + (in.peek() == null ? "" : in.peek().upper()));
  }

  private static Targets tables(List<Name> names) {
    return new Targets(names, List.of());
  }

  private static List<Name> names(TokenStream in) throws StatementException {
    List<Name> out = new ArrayList<>();
    out.add(name(in));
    while (in.acceptSymbol(",")) {
      out.add(name(in));
    }
    return out;
  }

  private static Name name(TokenStream in) throws StatementException {
    List<String> parts = dotted(in);
    return parts.size() == 1
        ? new Name(null, parts.get(0))
        : new Name(parts.get(parts.size() - 2), parts.get(parts.size() - 1));
  }

  private static List<String> dotted(TokenStream in) throws StatementException {
    List<String> parts = new ArrayList<>();
    Token t = in.next();
    if (!t.isName()) {
      throw in.syntaxError();
    }
    parts.add(t.value());
    while (in.acceptSymbol(".")) {
      Token part = in.next();
      if (!part.isName()) {
        throw in.syntaxError();
      }
      parts.add(part.value());
    }
    return parts;
  }

  private static StatementException refused(String sql) {
    String shown = sql.length() > 60 ? sql.substring(0, 60) + "..." : sql;
    return new StatementException(
        StatementException.FEATURE_NOT_SUPPORTED,
        "this schema change cannot run inside a transaction block in distdb: "
            + shown
            + " (inside a block distdb can undo CREATE, ALTER TABLE, CREATE/ALTER/DROP INDEX,"
            + " DROP TABLE, DROP SEQUENCE, DROP TYPE, TRUNCATE, views and COMMENT; run the others"
            + " outside BEGIN ... COMMIT)");
  }
}
