package io.distdb.node.storage;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

/**
 * The engine's session behind a JDBC connection to it: what its lock timeout, cancel, advisory
 * locks and catalog reads are set on or keyed by.
 */
public final class EngineSession {

  private EngineSession() {}

  /** {@code c}'s engine session; {@code c} is (or wraps) a connection to the engine. */
  public static SessionLocal of(Connection c) {
    try {
      return (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
    } catch (SQLException e) {
      // Every connection the node hands out is the engine's; anything else is a wiring mistake.
      throw new IllegalStateException("not a connection to the engine: " + c, e);
    }
  }
}
