package io.distdb.node.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The relations a {@code DROP TABLE | VIEW [IF EXISTS] a, b CASCADE} names, so the session can tell
 * which other objects PostgreSQL would report dropping with them ("drop cascades to view v").
 * Statements without CASCADE yield nothing, without being tokenized.
 */
public final class CascadeDrops {

  /**
   * @param views true for DROP VIEW
   * @param names each relation as written, {@code [schema, name]} or {@code [name]}, folded
   */
  public record Drop(boolean views, List<List<String>> names) {}

  private CascadeDrops() {}

  /** The DROP, or null for any other statement. */
  public static Drop of(String sql) {
    if (!sql.toUpperCase(Locale.ROOT).contains("CASCADE")) {
      return null;
    }
    try {
      TokenStream in = new TokenStream(SqlLexer.tokenize(sql), sql);
      if (!in.accept("DROP")) {
        return null;
      }
      boolean views = in.accept("VIEW");
      if (!views && !in.accept("TABLE")) {
        return null;
      }
      in.accept("IF", "EXISTS");
      List<List<String>> names = new ArrayList<>();
      do {
        List<String> name = new ArrayList<>();
        name.add(in.name());
        if (in.acceptSymbol(".")) {
          name.add(in.name());
        }
        names.add(name);
      } while (in.acceptSymbol(","));
      in.expect("CASCADE");
      while (in.acceptSymbol(";")) {
        // trailing semicolons
      }
      in.expectEnd();
      return new Drop(views, names);
    } catch (StatementException e) {
      return null; // not this form: the statement runs (and fails) as before, without notices
    }
  }
}
