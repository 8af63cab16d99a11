package io.distdb.node.service;

/**
 * The portals the protocol layer holds by name. In PostgreSQL a named portal is a cursor that SQL's
 * FETCH and MOVE may name (asyncpg's {@code Cursor.forward} sends {@code MOVE FORWARD n portal} on
 * the portal it binds), so the session looks a cursor up here when no DECLARE made it.
 */
public interface ProtocolPortals {

  /** No portals: the session's own cursors only. */
  ProtocolPortals NONE = name -> null;

  /**
   * The result of portal {@code name} while it is returning rows (executed, not yet exhausted), or
   * null.
   */
  ExecutionResult openRows(String name);
}
