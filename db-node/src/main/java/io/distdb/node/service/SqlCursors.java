package io.distdb.node.service;

import io.distdb.node.sql.CursorCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's SQL cursors (DECLARE, FETCH, MOVE, CLOSE), as psycopg 3's named cursors and
 * SQLAlchemy's stream_results use them. Each holds the open result of its query and is read on
 * demand, so a large result is never in memory whole. distdb's cursors scan forward only and end
 * with their transaction block (no WITH HOLD).
 */
final class SqlCursors {

  /**
   * @param statement what the rows came from, closed with the cursor (null for a protocol portal,
   *     which the protocol layer closes)
   */
  private record Open(List<Column> columns, RowCursor rows, PreparedSql statement) {
    void close() {
      rows.close();
      if (statement != null) {
        statement.close();
      }
    }
  }

  /**
   * Open cursors one session may hold, as many as it may hold named prepared statements by default
   * (--max-prepared-statements): each keeps an engine result open until its block ends.
   */
  static final int MAX_OPEN = 10_000;

  private final Map<String, Open> open = new LinkedHashMap<>();
  private ProtocolPortals portals = ProtocolPortals.NONE;

  void portals(ProtocolPortals portals) {
    this.portals = portals;
  }

  /** The columns of cursor {@code name}, or null when no such cursor is open. */
  List<Column> columns(String name) {
    Open cursor = open.get(name);
    if (cursor != null) {
      return cursor.columns();
    }
    ExecutionResult portal = portals.openRows(name);
    return portal == null ? null : portal.columns();
  }

  /** Refuses the DECLARE forms distdb does not implement, before its query is prepared. */
  static void checkDeclare(CursorCommand declare) throws SqlException {
    if (declare.hold()) {
      throw unsupported("DECLARE ... WITH HOLD");
    }
    if (declare.binary()) {
      throw unsupported("DECLARE ... BINARY CURSOR");
    }
    if (declare.scroll()) {
      throw unsupported("DECLARE ... SCROLL CURSOR");
    }
  }

  /**
   * Opens cursor {@code name} on {@code result}, the rows of {@code statement}, which the cursor
   * now owns (on failure too).
   */
  void declare(String name, ExecutionResult result, PreparedSql statement) throws SqlException {
    Open cursor = new Open(result.columns(), result.rows(), statement);
    if (open.containsKey(name) || result.rows() == null) {
      cursor.close();
      throw open.containsKey(name)
          ? new SqlException("42P03", "cursor \"" + name + "\" already exists")
          : new SqlException("42601", "DECLARE CURSOR must be a query that returns rows");
    }
    if (open.size() >= MAX_OPEN) {
      cursor.close();
      throw new SqlException(
          "54000",
          "too many open cursors: a session may hold at most " + MAX_OPEN,
          null,
          "CLOSE cursors that are no longer needed.",
          null);
    }
    open.put(name, cursor);
  }

  /** FETCH: up to the command's count of further rows, tagged {@code FETCH n}. */
  ExecutionResult fetch(CursorCommand fetch) throws SqlException {
    Open cursor = forwardCursor(fetch);
    return ExecutionResult.rows(
        cursor.columns(), new Batch(cursor.rows(), fetch.count()), "FETCH ");
  }

  /** MOVE: skips up to the command's count of rows, tagged {@code MOVE n}. */
  ExecutionResult move(CursorCommand move) throws SqlException {
    Open cursor = forwardCursor(move);
    long moved = 0;
    while (moved < move.count()) {
      int chunk = (int) Math.min(256, move.count() - moved);
      int got = cursor.rows().next(chunk).size();
      if (got == 0) {
        break;
      }
      moved += got;
    }
    return ExecutionResult.command("MOVE " + moved);
  }

  /** CLOSE name or CLOSE ALL. */
  ExecutionResult close(CursorCommand close) throws SqlException {
    if (close.name() == null) {
      closeAll();
    } else {
      Open cursor = open.remove(close.name());
      if (cursor == null) {
        throw doesNotExist(close.name());
      }
      cursor.close();
    }
    return ExecutionResult.command(close.commandTag());
  }

  /** The transaction block ended (or the session did): every cursor ends with it. */
  void closeAll() {
    open.values().forEach(Open::close);
    open.clear();
  }

  private Open forwardCursor(CursorCommand command) throws SqlException {
    Open cursor = open.get(command.name());
    if (cursor == null) {
      ExecutionResult portal = portals.openRows(command.name());
      if (portal == null) {
        throw doesNotExist(command.name());
      }
      cursor = new Open(portal.columns(), portal.rows(), null);
    }
    if (!command.forward()) {
      throw new SqlException(
          "55000",
          "cursor can only scan forward",
          null,
          "Declare it with SCROLL option to enable backward scan.",
          null);
    }
    return cursor;
  }

  private static SqlException doesNotExist(String name) {
    return new SqlException("34000", "cursor \"" + name + "\" does not exist");
  }

  private static SqlException unsupported(String what) {
    return new SqlException(
        "0A000",
        what + " is not supported by distdb",
        null,
        "Declare a forward-only cursor inside a transaction block.",
        null);
  }

  /** One FETCH's share of a cursor's rows; closing it leaves the cursor open for the next. */
  private static final class Batch implements RowCursor {
    private final RowCursor source;
    private long left;

    Batch(RowCursor source, long count) {
      this.source = source;
      this.left = count;
    }

    @Override
    public List<Object[]> next(int max) throws SqlException {
      if (left <= 0) {
        return List.of();
      }
      List<Object[]> rows = source.next((int) Math.min(max, left));
      left -= rows.size();
      return rows;
    }

    @Override
    public void close() {}
  }
}
