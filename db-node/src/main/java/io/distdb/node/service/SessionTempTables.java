package io.distdb.node.service;

import io.distdb.node.storage.EngineSession;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.h2.engine.SessionLocal;
import org.h2.schema.Schema;
import org.h2.table.Table;

/**
 * A session's temporary tables: H2 LOCAL TEMPORARY tables on the session's own engine connection,
 * which H2 keeps private to it and drops when it closes. They never reach the write path, so
 * nothing about them is logged, captured (the capture triggers are installed from the
 * administrator's connection, which cannot see them), replicated or counted in checksums.
 *
 * <p>Which tables exist is read back from the engine after every statement that may have changed
 * the set: H2 itself drops ON COMMIT DROP tables at commit and rollback.
 */
final class SessionTempTables {

  private final Connection connection;
  private final Set<String> names = new HashSet<>();

  /** Created inside the open transaction block: a ROLLBACK drops them, as PostgreSQL's does. */
  private final Set<String> createdInBlock = new LinkedHashSet<>();

  SessionTempTables(Connection connection) {
    this.connection = connection;
  }

  boolean isEmpty() {
    return names.isEmpty();
  }

  /** Whether {@code sql} names one of the session's temporary tables. */
  boolean namedIn(String sql) throws SqlException {
    return TempTableSql.names(sql, names);
  }

  /** Whether every table of {@code tables} is one of the session's temporary tables. */
  boolean allTemporary(List<String> tables) {
    return tables != null && names.containsAll(tables);
  }

  /**
   * Whether one of {@code tables}, a temporary table's name, now names a permanent table in the
   * session's schema: H2 looks for permanent tables first, so a permanent table another session
   * created since resolves in this one's statements instead of the temporary one (PostgreSQL
   * searches pg_temp first).
   */
  boolean resolvesToPermanent(List<String> tables) {
    SessionLocal session = EngineSession.of(connection);
    Schema schema = session.getDatabase().findSchema(session.getCurrentSchemaName());
    for (String name : tables) {
      Table resolved = schema == null ? null : schema.findTableOrView(session, name);
      if (resolved != null && resolved != session.findLocalTempTable(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Creates the table on the session's connection; returns the rows a CREATE TEMP TABLE AS wrote.
   */
  long create(TempTableSql.Create create, boolean inBlock) throws SqlException {
    boolean existed = names.contains(create.name());
    try {
      // Alone, the statement is its own transaction; the rows it wrote are counted before its
      // commit, which empties an ON COMMIT DELETE ROWS table and drops an ON COMMIT DROP one.
      boolean ownTransaction = !inBlock && create.withQuery();
      if (ownTransaction) {
        connection.setAutoCommit(false);
      }
      long rows = 0;
      try (Statement s = connection.createStatement()) {
        s.execute(create.engineSql());
        if (create.withQuery() && !existed) {
          try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + quoted(create.name()))) {
            rs.next();
            rows = rs.getLong(1);
          }
        }
        if (ownTransaction) {
          connection.commit();
        }
      } finally {
        if (ownTransaction) {
          connection.rollback();
          connection.setAutoCommit(true);
        }
      }
      refresh();
      if (inBlock && !existed && names.contains(create.name())) {
        createdInBlock.add(create.name());
      }
      return rows;
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    }
  }

  /** After a statement that may have dropped or created some (DROP TABLE, COMMIT). */
  void refresh() {
    // From the engine session itself: H2 reuses an INFORMATION_SCHEMA query's last result while
    // the database's own metadata has not changed, and a session's temporary table does not change
    // it.
    names.clear();
    for (Table table : EngineSession.of(connection).getLocalTempTables()) {
      names.add(table.getName());
    }
    createdInBlock.retainAll(names);
  }

  /** The transaction block ended; {@code rolledBack}: the tables it created go too. */
  void blockEnded(boolean rolledBack) throws SqlException {
    if (rolledBack) {
      drop(createdInBlock);
    }
    createdInBlock.clear();
    if (!names.isEmpty()) {
      refresh();
    }
  }

  /** DISCARD TEMP / DISCARD ALL. */
  void dropAll() throws SqlException {
    drop(names);
    createdInBlock.clear();
  }

  private void drop(Set<String> tables) throws SqlException {
    if (tables.isEmpty()) {
      return;
    }
    try (Statement s = connection.createStatement()) {
      for (String name : List.copyOf(tables)) {
        s.execute("DROP TABLE IF EXISTS " + quoted(name) + " CASCADE");
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    }
    refresh();
  }

  private static String quoted(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
