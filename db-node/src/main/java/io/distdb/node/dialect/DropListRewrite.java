package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import io.distdb.node.sql.Token;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code DROP VIEW | SEQUENCE | INDEX | TYPE | DOMAIN [IF EXISTS] a, b [CASCADE | RESTRICT]}: the
 * engine drops one such object per statement, so the list becomes one engine statement per object,
 * run as one text. PostgreSQL drops all of them or none, while the engine commits each statement:
 * so everything that would make one of them fail is checked here first, on the catalog, and the
 * statement fails as PostgreSQL's would before anything is dropped: an object missing without IF
 * EXISTS (the first one, as PostgreSQL names it), and, without CASCADE, a view outside the list
 * that reads one in it or a column of a type in it. Views in the list are dropped readers first, so
 * that the engine's RESTRICT does not refuse a view another listed view reads.
 *
 * <p>Also {@code DROP SEQUENCE | INDEX ... CASCADE | RESTRICT} of one object: the engine's syntax
 * has neither keyword (nothing can depend on an index or sequence in the engine's sense).
 */
final class DropListRewrite {

  private DropListRewrite() {}

  static boolean mightApply(String lower) {
    return lower.contains("drop")
        && (lower.contains(",")
            || lower.contains("cascade")
            || lower.contains("restrict")
            || lower.contains("table")
            || lower.contains("view")
            || lower.contains("sequence"));
  }

  /** The engine statements, or null if {@code sql} is not such a DROP. */
  static String rewrite(String sql, List<Token> tokens, Schema schema) throws StatementException {
    SequenceOwnership.Cursor in = new SequenceOwnership.Cursor(tokens);
    if (!in.accept("DROP")) {
      return null;
    }
    Schema.ObjectKind kind = kind(in);
    if (kind == null) {
      return null;
    }
    String keyword = in.previousKeyword(); // TYPE or DOMAIN as written
    boolean concurrently = kind == Schema.ObjectKind.INDEX && in.accept("CONCURRENTLY");
    boolean ifExists = in.accept("IF", "EXISTS");
    List<List<String>> names = new ArrayList<>();
    do {
      List<String> name = in.qualifiedName();
      if (name.isEmpty() || name.size() > 2) {
        return null; // not a form this rewrite knows: the engine answers as before
      }
      names.add(name);
    } while (in.acceptSymbol(","));
    boolean cascade = in.accept("CASCADE");
    boolean restrict = !cascade && in.accept("RESTRICT");
    if (!in.atEnd()) {
      return null;
    }
    boolean keyless = kind == Schema.ObjectKind.SEQUENCE || kind == Schema.ObjectKind.INDEX;
    if (kind == Schema.ObjectKind.TABLE) {
      // The engine drops a list of tables itself, all or none, and reports a missing one, but
      // it also drops a view named in the list: refused here first, the text runs as written.
      // (A session's temporary tables are not in INFORMATION_SCHEMA: missing ones are not
      // looked for here.)
      for (Schema.ObjectName object : qualified(names, schema)) {
        if (schema.objectExists(Schema.ObjectKind.VIEW, object)) {
          throw notA(kind, object);
        }
      }
      return sql;
    }
    if (names.size() == 1
        && kind != Schema.ObjectKind.VIEW
        && kind != Schema.ObjectKind.SEQUENCE
        && !(keyless && (cascade || restrict))) {
      return null;
    }
    if (concurrently && names.size() > 1) {
      throw new StatementException(
          StatementException.FEATURE_NOT_SUPPORTED,
          "DROP INDEX CONCURRENTLY does not support dropping multiple objects");
    }
    List<Schema.ObjectName> objects = qualified(names, schema);
    if (kind == Schema.ObjectKind.SEQUENCE && !cascade && !ifExists) {
      // Not with IF EXISTS: pg_dump --clean drops a serial's default, then its sequence IF
      // EXISTS; the default stays the engine's identity, and the restore must go on.
      checkSerialSequences(objects, schema);
    }
    List<Schema.ObjectName> existing =
        names.size() == 1 && kind != Schema.ObjectKind.VIEW && kind != Schema.ObjectKind.SEQUENCE
            ? objects
            : existing(kind, objects, ifExists, schema);
    if (!cascade && names.size() > 1) {
      checkDependents(kind, existing, schema);
    }
    List<Schema.ObjectName> order =
        kind == Schema.ObjectKind.VIEW ? readersFirst(existing, schema) : existing;
    String head = "DROP " + (kind == Schema.ObjectKind.TYPE ? keyword : kind.name());
    String tail = keyless ? "" : cascade ? " CASCADE" : restrict ? " RESTRICT" : "";
    List<String> statements = new ArrayList<>();
    for (Schema.ObjectName object : order) {
      statements.add(head + (ifExists ? " IF EXISTS " : " ") + quoted(object) + tail);
    }
    List<String> skipped = new ArrayList<>();
    for (Schema.ObjectName object : objects) {
      if (!order.contains(object)) {
        // Missing, skipped by IF EXISTS (the session sent its NOTICE). The engine's IF EXISTS
        // skips it too, but fails on a missing schema: left out then, unless nothing else is left.
        String drop = head + " IF EXISTS " + quoted(object) + tail;
        if (schema.schemaExists(object.schema())) {
          statements.add(drop);
        } else {
          skipped.add(drop);
        }
      }
    }
    if (statements.isEmpty()) {
      statements.add(skipped.get(0));
    }
    return String.join("; ", statements);
  }

  private static List<Schema.ObjectName> qualified(List<List<String>> names, Schema schema)
      throws StatementException {
    List<Schema.ObjectName> objects = new ArrayList<>();
    for (List<String> name : names) {
      objects.add(
          new Schema.ObjectName(
              name.size() == 2 ? name.get(0) : schema.currentSchema(), name.get(name.size() - 1)));
    }
    return objects;
  }

  private static Schema.ObjectKind kind(SequenceOwnership.Cursor in) {
    for (Schema.ObjectKind kind : Schema.ObjectKind.values()) {
      if (in.accept(kind.name())) {
        return kind;
      }
    }
    return in.accept("DOMAIN") ? Schema.ObjectKind.TYPE : null;
  }

  /**
   * The objects that exist, in order. The first missing one fails without IF EXISTS, and a table
   * named as a view or a view as a table fails even with it, as in PostgreSQL.
   */
  private static List<Schema.ObjectName> existing(
      Schema.ObjectKind kind, List<Schema.ObjectName> objects, boolean ifExists, Schema schema)
      throws StatementException {
    List<Schema.ObjectName> out = new ArrayList<>();
    for (Schema.ObjectName object : objects) {
      if (schema.objectExists(kind, object)) {
        out.add(object);
        continue;
      }
      Schema.ObjectKind other =
          switch (kind) {
            case TABLE -> Schema.ObjectKind.VIEW;
            case VIEW -> Schema.ObjectKind.TABLE;
            default -> null;
          };
      if (other != null && schema.objectExists(other, object)) {
        throw notA(kind, object);
      }
      if (!ifExists) {
        throw missing(kind, object, schema);
      }
    }
    return out;
  }

  private static StatementException notA(Schema.ObjectKind kind, Schema.ObjectName object) {
    return new StatementException(
        "42809", "\"" + object.name() + "\" is not a " + kind.name().toLowerCase(Locale.ROOT));
  }

  private static StatementException missing(
      Schema.ObjectKind kind, Schema.ObjectName object, Schema schema) throws StatementException {
    if (!schema.schemaExists(object.schema())) {
      return new StatementException(
          "3F000", "schema \"" + object.schema() + "\" does not exist"); // PostgreSQL's order
    }
    String state =
        kind == Schema.ObjectKind.INDEX || kind == Schema.ObjectKind.TYPE ? "42704" : "42P01";
    return new StatementException(
        state, kind.name().toLowerCase(Locale.ROOT) + " \"" + object.name() + "\" does not exist");
  }

  /**
   * A serial column's sequence {@code <table>_<column>_seq} is the engine's identity, not a
   * sequence object: PostgreSQL refuses to drop it without CASCADE, since the column's default
   * depends on it (2BP01), where the engine finds no such sequence.
   */
  private static void checkSerialSequences(List<Schema.ObjectName> objects, Schema schema)
      throws StatementException {
    for (Schema.ObjectName object : objects) {
      if (!object.name().endsWith("_seq")
          || schema.objectExists(Schema.ObjectKind.SEQUENCE, object)) {
        continue;
      }
      String stem = object.name().substring(0, object.name().length() - "_seq".length());
      for (int i = stem.indexOf('_'); i > 0; i = stem.indexOf('_', i + 1)) {
        Schema.ColumnType column =
            schema.column(object.schema(), stem.substring(0, i), stem.substring(i + 1));
        if (column != null && column.identity() != null) {
          throw new StatementException(
              "2BP01",
              objects.size() == 1
                  ? "cannot drop sequence " + object.name() + " because other objects depend on it"
                  : "cannot drop desired object(s) because other objects depend on them");
        }
      }
    }
  }

  /** Without CASCADE, what depends on a listed object from outside the list fails it (2BP01). */
  private static void checkDependents(
      Schema.ObjectKind kind, List<Schema.ObjectName> objects, Schema schema)
      throws StatementException {
    boolean depended = false;
    if (kind == Schema.ObjectKind.VIEW) {
      for (Schema.View view : schema.views()) {
        if (!objects.contains(view.name()) && readsAny(view, objects)) {
          depended = true;
          break;
        }
      }
    } else if (kind == Schema.ObjectKind.TYPE) {
      for (Schema.ObjectName type : objects) {
        depended |= schema.typeInUse(type);
      }
    }
    if (depended) {
      throw new StatementException(
          "2BP01", "cannot drop desired object(s) because other objects depend on them");
    }
  }

  /** The views in an order the engine can drop one by one: a view before those it reads. */
  private static List<Schema.ObjectName> readersFirst(List<Schema.ObjectName> views, Schema schema)
      throws StatementException {
    if (views.size() < 2) {
      return views;
    }
    List<Schema.View> all = schema.views();
    List<Schema.View> listed = new ArrayList<>(); // in the statement's order
    for (Schema.ObjectName name : views) {
      for (Schema.View view : all) {
        if (view.name().equals(name) && !listed.contains(view)) {
          listed.add(view);
        }
      }
    }
    Set<Schema.ObjectName> done = new LinkedHashSet<>();
    // A view goes once no other listed view still to go reads it; a cycle cannot exist.
    while (done.size() < listed.size()) {
      boolean progress = false;
      for (Schema.View view : listed) {
        if (done.contains(view.name())) {
          continue;
        }
        boolean read = false;
        for (Schema.View other : listed) {
          if (other != view
              && !done.contains(other.name())
              && readsAny(other, List.of(view.name()))) {
            read = true;
            break;
          }
        }
        if (!read) {
          done.add(view.name());
          progress = true;
        }
      }
      if (!progress) {
        break;
      }
    }
    List<Schema.ObjectName> out = new ArrayList<>(done);
    for (Schema.ObjectName view : views) {
      if (!done.contains(view)) {
        out.add(view);
      }
    }
    return out;
  }

  /** The engine writes a view's relations as {@code "schema"."name"} in its definition. */
  private static boolean readsAny(Schema.View view, List<Schema.ObjectName> relations) {
    for (Schema.ObjectName relation : relations) {
      if (view.definition().contains(quoted(relation))) {
        return true;
      }
    }
    return false;
  }

  private static String quoted(Schema.ObjectName name) {
    return quote(name.schema()) + "." + quote(name.name());
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
