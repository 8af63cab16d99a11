package io.distdb.node.dialect;

import io.distdb.node.sql.StatementException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a few rewrites must read from the engine's catalog. The session implements it on its own
 * engine connection; translations that used it are not cached, since the schema may change.
 */
public interface Schema {

  /** A schema for contexts without a database: every lookup fails with 0A000. */
  Schema NONE =
      new Schema() {
        @Override
        public List<String> columns(String table) throws StatementException {
          throw new StatementException(
              StatementException.FEATURE_NOT_SUPPORTED, "this statement needs the table's columns");
        }

        @Override
        public List<String> constraintColumns(String table, String constraint)
            throws StatementException {
          throw new StatementException(
              StatementException.FEATURE_NOT_SUPPORTED, "this statement needs the constraint");
        }
      };

  /** The table's column names in order (lower case, as the engine stores them). */
  List<String> columns(String table) throws StatementException;

  /**
   * The columns of a unique or primary key constraint of {@code table}.
   *
   * @throws StatementException 42704 if the table has no such constraint
   */
  List<String> constraintColumns(String table, String constraint) throws StatementException;

  /**
   * The table's json and jsonb columns: name → true for jsonb. Empty for a table without any, or
   * one that does not exist (the engine then reports that itself).
   */
  default Map<String, Boolean> jsonColumns(String table) throws StatementException {
    return Map.of();
  }

  /**
   * The table's array columns: name → the engine's name of the element type ({@code INTEGER},
   * {@code CHARACTER VARYING}). Empty for a table without any, or one that does not exist.
   */
  default Map<String, String> arrayColumns(String table) throws StatementException {
    return Map.of();
  }

  /**
   * The table's columns that have a default, name → the engine's text of the default expression;
   * identity columns map to null (their default is the engine's own sequence, no expression).
   */
  default Map<String, String> columnDefaults(String table) throws StatementException {
    return Map.of();
  }

  /**
   * A token that changes whenever the engine's schema objects change (a table created, dropped or
   * altered), or null if there is none: translations that read only {@link #engineColumnTypes} are
   * cached under it.
   */
  default String catalogVersion() {
    return null;
  }

  /**
   * The columns of a table or view (current schema when {@code schema} is null), name → the
   * engine's data type as its INFORMATION_SCHEMA names it ({@code INTEGER}, {@code NUMERIC}, {@code
   * DECFLOAT}, {@code DOUBLE PRECISION}, {@code REAL}); empty if there is no such relation. Cheaper
   * than {@link #columnTypes(String, String)}, which reads distdb's catalog views.
   */
  default Map<String, String> engineColumnTypes(String schema, String table)
      throws StatementException {
    return Map.of();
  }

  /** The table's bytea columns. Empty for a table without any, or one that does not exist. */
  default Set<String> byteaColumns(String table) throws StatementException {
    return Set.of();
  }

  /** The table's interval columns. Empty for a table without any, or one that does not exist. */
  default Set<String> intervalColumns(String table) throws StatementException {
    return Set.of();
  }

  /**
   * Whether {@code name} is taken in the schema (the session's current one when {@code schema} is
   * null) by a table, view, index, sequence or constraint: PostgreSQL's namespace for relations,
   * where an index or constraint name chosen by the server must not collide.
   */
  default boolean relationExists(String schema, String name) throws StatementException {
    return false;
  }

  /**
   * A sequence object of the engine (an identity column's sequence is not one).
   *
   * @param dataType the engine's name of its type ({@code INTEGER}, {@code BIGINT})
   * @param next the value it hands out next
   */
  record Sequence(
      String schema,
      String name,
      String dataType,
      long start,
      long increment,
      long min,
      long max,
      boolean cycle,
      long next) {}

  /**
   * A column as the engine holds it.
   *
   * @param dataType the engine's name of its type ({@code INTEGER}, {@code CHARACTER VARYING})
   * @param identity {@code ALWAYS} or {@code BY DEFAULT} for an identity column, else null
   */
  record ColumnType(String dataType, String identity) {}

  /**
   * The sequence object {@code name} in {@code schema} (the session's current one when null), or
   * null if there is none.
   */
  default Sequence sequence(String schema, String name) throws StatementException {
    return null;
  }

  /** The column, or null if the table (current schema when {@code schema} is null) has none. */
  default ColumnType column(String schema, String table, String column) throws StatementException {
    return null;
  }

  /**
   * The columns of a table or view (current schema when {@code schema} is null) in order, each with
   * PostgreSQL's name of its type as pg_type has it ({@code int4}, {@code varchar}, {@code text});
   * empty if there is no such relation.
   */
  default Map<String, String> columnTypes(String schema, String table) throws StatementException {
    return Map.of();
  }

  /** The kinds of object a multi-object DROP names ({@link DropListRewrite}). */
  enum ObjectKind {
    TABLE,
    VIEW,
    SEQUENCE,
    INDEX,
    /** A type or domain: distdb's enum types are domains of the engine. */
    TYPE
  }

  /** A schema-qualified object name, both parts folded as PostgreSQL folds them. */
  record ObjectName(String schema, String name) {}

  /**
   * A view and the engine's text of its query, which names every relation it reads as {@code
   * "schema"."name"}.
   */
  record View(ObjectName name, String definition) {}

  /** Whether the object exists. */
  default boolean objectExists(ObjectKind kind, ObjectName name) throws StatementException {
    return true;
  }

  /** Whether the schema exists. */
  default boolean schemaExists(String schema) throws StatementException {
    return true;
  }

  /** Every view of the user's schemas. */
  default List<View> views() throws StatementException {
    return List.of();
  }

  /** Whether a column of some table has the type (a domain of the engine). */
  default boolean typeInUse(ObjectName type) throws StatementException {
    return false;
  }

  /** The schema unqualified names resolve to (the engine session's current schema). */
  default String currentSchema() throws StatementException {
    return "public";
  }
}
