package io.distdb.node.sql;

import java.util.Set;

/**
 * A classified statement. {@link SimpleStatement} covers READ, WRITE, DDL, EMPTY and OTHER; the
 * kinds the service must act on itself carry their details in their own record.
 */
public sealed interface Statement
    permits SimpleStatement,
        DatabaseCommand,
        TransactionCommand,
        SessionCommand,
        CursorCommand,
        OwnerChange,
        DoBlock,
        BuiltinExtension,
        TempInsertFunction,
        TempInsertFunction.Drop {

  /** Verbs whose CommandComplete tag ends in a row count. */
  Set<String> COUNTED_TAGS = Set.of("SELECT", "UPDATE", "DELETE", "MERGE", "FETCH", "MOVE", "COPY");

  StatementKind kind();

  /**
   * The CommandComplete tag PostgreSQL 15 sends, without any row count: {@code "INSERT"}, {@code
   * "CREATE TABLE"}, {@code "SELECT"} (also for CREATE TABLE AS and SELECT INTO). Empty for {@link
   * StatementKind#EMPTY}.
   */
  String commandTag();

  /** True when the statement produces a result set (RowDescription + DataRows). */
  boolean returnsRows();

  /** True for INSERT/UPDATE/DELETE with a top-level RETURNING clause. */
  default boolean hasReturning() {
    return false;
  }

  /** The full CommandComplete tag once {@code rowCount} rows were returned or affected. */
  default String completionTag(long rowCount) {
    String tag = commandTag();
    if (tag.equals("INSERT")) {
      return "INSERT 0 " + rowCount; // the 0 is the long-gone OID of a single inserted row
    }
    return COUNTED_TAGS.contains(tag) ? tag + " " + rowCount : tag;
  }
}
