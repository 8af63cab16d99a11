package io.distdb.node.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The objects a {@code DROP ... IF EXISTS} or {@code CREATE ... IF NOT EXISTS} names, so the
 * session can tell, before the statement runs, which of them PostgreSQL would skip with a NOTICE.
 * Statements without such a clause yield nothing, without being tokenized.
 */
public final class ExistenceClauses {

  /** The kinds of object whose skipped existence clauses PostgreSQL reports. */
  public enum Kind {
    TABLE,
    VIEW,
    INDEX,
    SEQUENCE,
    SCHEMA,
    TYPE
  }

  /**
   * One object to look up.
   *
   * @param create true for {@code CREATE ... IF NOT EXISTS} (skipped when it exists), false for
   *     {@code DROP ... IF EXISTS} (skipped when it does not)
   * @param schema the qualifying schema as written (folded), or null
   * @param name the object's name (folded)
   */
  public record Check(boolean create, Kind kind, String schema, String name) {}

  private ExistenceClauses() {}

  /** The checks {@code sql} asks for; empty for statements without IF [NOT] EXISTS. */
  public static List<Check> of(String sql) {
    if (!sql.toUpperCase(Locale.ROOT).contains("EXISTS")) {
      return List.of();
    }
    try {
      TokenStream in = new TokenStream(SqlLexer.tokenize(sql), sql);
      if (in.accept("DROP")) {
        return drop(in);
      }
      if (in.accept("CREATE")) {
        return create(in);
      }
    } catch (StatementException e) {
      // Not a form this class knows: the statement runs (and fails) as before, without notices.
    }
    return List.of();
  }

  private static List<Check> drop(TokenStream in) throws StatementException {
    Kind kind = kind(in);
    if (kind == null) {
      return List.of();
    }
    if (kind == Kind.INDEX) {
      in.accept("CONCURRENTLY");
    }
    if (!in.accept("IF", "EXISTS")) {
      return List.of();
    }
    List<Check> checks = new ArrayList<>();
    do {
      checks.add(check(false, kind, in));
    } while (in.acceptSymbol(","));
    return checks;
  }

  private static List<Check> create(TokenStream in) throws StatementException {
    if (!in.accept("TEMPORARY")) {
      in.accept("TEMP");
    }
    in.accept("UNLOGGED");
    if (in.accept("UNIQUE")) {
      if (!in.isKeyword("INDEX")) {
        return List.of();
      }
    }
    Kind kind = kind(in);
    if (kind == null || kind == Kind.VIEW || kind == Kind.TYPE) {
      return List.of(); // PostgreSQL has no CREATE VIEW / TYPE IF NOT EXISTS
    }
    if (kind == Kind.INDEX) {
      in.accept("CONCURRENTLY");
    }
    if (!in.accept("IF", "NOT", "EXISTS")) {
      return List.of();
    }
    return List.of(check(true, kind, in));
  }

  private static Kind kind(TokenStream in) {
    for (Kind kind : Kind.values()) {
      if (in.accept(kind.name())) {
        return kind;
      }
    }
    return null;
  }

  private static Check check(boolean create, Kind kind, TokenStream in) throws StatementException {
    String first = in.name();
    if (kind != Kind.SCHEMA && in.acceptSymbol(".")) {
      return new Check(create, kind, first, in.name());
    }
    return new Check(create, kind, null, first);
  }
}
