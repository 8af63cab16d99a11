package io.distdb.node.sql;

import java.util.Map;

/**
 * A session-level command.
 *
 * <ul>
 *   <li>SET: {@code name} and {@code value} (e.g. {@code search_path}, {@code "public, app"});
 *       {@code SET TIME ZONE x} is name {@code timezone}; {@code SET x TO DEFAULT} is a RESET.
 *   <li>RESET / SHOW: {@code name}, or {@code "all"}; value null.
 *   <li>DISCARD: name {@code all}, {@code plans}, {@code sequences} or {@code temp}.
 *   <li>DEALLOCATE: the prepared statement's name, or {@code "all"}.
 *   <li>LOCK: {@code LOCK TABLE ... IN ACCESS SHARE | ROW SHARE | SHARE MODE}, which takes nothing
 *       here (see {@link SessionParser}); name and value null.
 * </ul>
 *
 * @param op the command
 * @param commandTag {@code SET}, {@code RESET}, {@code SHOW}, {@code DISCARD ALL}, {@code
 *     DEALLOCATE}, ...
 * @param name the parameter name, lower-cased unless quoted; dotted names kept as {@code a.b}
 * @param value for SET: the value as text, strings unquoted, identifiers folded, list items joined
 *     with {@code ", "}; otherwise null
 * @param local SET LOCAL: the setting lasts until the end of the current transaction
 * @param alsoSet for SET: further parameters the same command sets, by name ({@code SET TRANSACTION
 *     ISOLATION LEVEL REPEATABLE READ, READ ONLY} sets {@code transaction_isolation} and {@code
 *     transaction_read_only})
 */
public record SessionCommand(
    Op op, String commandTag, String name, String value, boolean local, Map<String, String> alsoSet)
    implements Statement {

  public SessionCommand(Op op, String commandTag, String name, String value, boolean local) {
    this(op, commandTag, name, value, local, Map.of());
  }

  /** The session operation. */
  public enum Op {
    SET,
    RESET,
    SHOW,
    DISCARD,
    DEALLOCATE,
    LOCK
  }

  @Override
  public StatementKind kind() {
    return StatementKind.SESSION;
  }

  @Override
  public boolean returnsRows() {
    return op == Op.SHOW;
  }
}
