package io.distdb.node.pgwire;

import io.distdb.node.pgwire.protocol.BackendMessage.BindComplete;
import io.distdb.node.pgwire.protocol.BackendMessage.CloseComplete;
import io.distdb.node.pgwire.protocol.BackendMessage.CommandComplete;
import io.distdb.node.pgwire.protocol.BackendMessage.EmptyQueryResponse;
import io.distdb.node.pgwire.protocol.BackendMessage.NoData;
import io.distdb.node.pgwire.protocol.BackendMessage.ParameterDescription;
import io.distdb.node.pgwire.protocol.BackendMessage.ParseComplete;
import io.distdb.node.pgwire.protocol.BackendMessage.PortalSuspended;
import io.distdb.node.pgwire.protocol.BackendMessage.RowDescription;
import io.distdb.node.pgwire.protocol.FrontendMessage.Bind;
import io.distdb.node.pgwire.protocol.FrontendMessage.Close;
import io.distdb.node.pgwire.protocol.FrontendMessage.Describe;
import io.distdb.node.pgwire.protocol.FrontendMessage.Execute;
import io.distdb.node.pgwire.protocol.FrontendMessage.Parse;
import io.distdb.node.pgwire.types.ParameterDecoder;
import io.distdb.node.service.Column;
import io.distdb.node.service.CopyIn;
import io.distdb.node.service.ExecutionResult;
import io.distdb.node.service.PreparedSql;
import io.distdb.node.service.SqlException;
import io.distdb.node.service.SqlSession;
import io.distdb.node.service.TransactionStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parse / Bind / Describe / Execute / Close against named and unnamed statements and portals. Each
 * method either writes its response or throws; the caller turns a throw into an ErrorResponse and
 * skips messages until Sync.
 */
final class ExtendedQueryHandler {

  private final SqlSession session;
  private final ConnectionOutput out;
  private final ResultStreamer streamer;
  private final Map<String, StatementHandle> statements = new HashMap<>();
  private final Map<String, Portal> portals = new HashMap<>();
  private final StatementControl control;
  private final int maxNamed;

  /**
   * @param maxNamed how many named statements, and separately named portals, the session may hold
   */
  ExtendedQueryHandler(
      SqlSession session, ConnectionOutput out, StatementControl control, int maxNamed) {
    this.session = session;
    this.out = out;
    this.control = control;
    this.maxNamed = maxNamed;
    this.streamer = new ResultStreamer(out, control);
    session.portals(this::openRows);
  }

  /** A named portal that is returning rows, which FETCH and MOVE may name like a cursor. */
  private ExecutionResult openRows(String name) {
    Portal portal = portals.get(name);
    return portal != null && portal.started() && !portal.completed && portal.result.returnsRows()
        ? portal.result
        : null;
  }

  void parse(Parse msg) throws SqlException {
    String name = msg.statement();
    if (name.isEmpty()) {
      closeStatement(name);
    } else if (statements.containsKey(name)) {
      throw new SqlException("42P05", "prepared statement \"" + name + "\" already exists");
    } else if (statements.size() >= maxNamed) {
      throw tooMany("prepared statements");
    }
    PreparedSql prepared = session.prepare(msg.sql(), msg.parameterTypes());
    statements.put(name, new StatementHandle(prepared));
    out.write(new ParseComplete());
  }

  void bind(Bind msg) throws SqlException {
    StatementHandle statement = statement(msg.statement());
    int[] oids = statement.sql().parameterTypeOids();
    int count = msg.parameters().size();
    if (count != oids.length) {
      throw new SqlException(
          "08P01",
          "bind message supplies "
              + count
              + " parameters, but prepared statement \""
              + msg.statement()
              + "\" requires "
              + oids.length);
    }
    List<Object> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      short format = ResultFormats.parameterFormat(msg.parameterFormats(), i, count);
      values.add(ParameterDecoder.decode(oids[i], format, msg.parameters().get(i), i));
    }
    // Validates the result format count now, as PostgreSQL does at Bind time.
    ResultFormats.resolve(msg.resultFormats(), statement.sql().columns().size());
    String name = msg.portal();
    if (name.isEmpty()) {
      closePortal(name);
    } else if (portals.containsKey(name)) {
      throw new SqlException("42P03", "cursor \"" + name + "\" already exists");
    } else if (portals.size() >= maxNamed) {
      throw tooMany("portals");
    }
    portals.put(
        name,
        new Portal(statement.retain(), Collections.unmodifiableList(values), msg.resultFormats()));
    out.write(new BindComplete());
  }

  private SqlException tooMany(String what) {
    return new SqlException(
        "54000",
        "too many " + what + ": a session may hold at most " + maxNamed,
        null,
        "Close unused ones, or raise --max-prepared-statements.",
        null);
  }

  void describe(Describe msg) throws SqlException {
    if (msg.kind() == 'S') {
      PreparedSql sql = statement(msg.name()).sql();
      out.write(new ParameterDescription(sql.parameterTypeOids()));
      describeRows(sql.columns(), null);
    } else if (!portals.containsKey(msg.name()) && session.cursorColumns(msg.name()) != null) {
      describeRows(session.cursorColumns(msg.name()), null);
    } else {
      Portal portal = portal(msg.name());
      List<Column> columns =
          portal.started() ? portal.result.columns() : portal.statement.sql().columns();
      describeRows(columns, ResultFormats.resolve(portal.resultFormatCodes, columns.size()));
    }
  }

  /** Runs a portal; returns the COPY FROM STDIN that now waits for data, else null. */
  CopyIn execute(Execute msg) throws SqlException {
    Portal portal = portal(msg.portal());
    try {
      return control.run(() -> executePortal(portal, msg.maxRows()));
    } catch (SqlException | RuntimeException e) {
      // A failed portal cannot be resumed; PostgreSQL drops it with the aborted transaction.
      closePortal(msg.portal());
      throw e;
    }
  }

  private CopyIn executePortal(Portal portal, int maxRows) throws SqlException {
    if (portal.statement.sql().isEmpty()) {
      out.write(new EmptyQueryResponse());
      return null;
    }
    if (portal.completed) {
      out.write(new CommandComplete(portal.result.completionTag(0)));
      return null;
    }
    if (!portal.started()) {
      portal.result = session.execute(portal.statement.sql(), portal.parameters);
      NoticeSender.send(portal.result, out);
    }
    ExecutionResult result = portal.result;
    if (result.copyIn() != null) {
      // Runs once: the portal is done whatever the data brings.
      portal.complete();
      return BinaryCopyIn.start(result, out);
    }
    if (result.copyOut() != null) {
      long sent = streamer.copyOut(result);
      portal.complete();
      out.write(new CommandComplete(result.completionTag(sent)));
      return null;
    }
    if (!result.returnsRows()) {
      portal.complete();
      out.write(new CommandComplete(result.tag()));
      return null;
    }
    boolean[] binary = ResultFormats.resolve(portal.resultFormatCodes, result.columns().size());
    ResultStreamer.Outcome outcome =
        streamer.stream(
            result.rows(), ResultStreamer.types(result.columns()), binary, Math.max(maxRows, 0));
    if (outcome.exhausted()) {
      portal.complete();
      out.write(new CommandComplete(result.completionTag(outcome.rows())));
    } else {
      out.write(new PortalSuspended());
    }
    return null;
  }

  void close(Close msg) {
    if (msg.kind() == 'S') {
      closeStatement(msg.name());
    } else {
      closePortal(msg.name());
    }
    out.write(new CloseComplete());
  }

  /** At Sync: outside a transaction block every portal has ended with its implicit transaction. */
  void sync(TransactionStatus status) {
    if (status == TransactionStatus.IDLE) {
      closeAllPortals();
    }
  }

  /** A simple Query replaces the unnamed statement and portal. */
  void dropUnnamed() {
    closePortal("");
    closeStatement("");
  }

  void closeAll() {
    closeAllPortals();
    statements.values().forEach(StatementHandle::release);
    statements.clear();
  }

  private void closeAllPortals() {
    portals.values().forEach(Portal::close);
    portals.clear();
  }

  private void describeRows(List<Column> columns, boolean[] binary) {
    out.write(columns.isEmpty() ? new NoData() : new RowDescription(columns, binary));
  }

  private StatementHandle statement(String name) throws SqlException {
    StatementHandle handle = statements.get(name);
    if (handle == null) {
      throw new SqlException(
          "26000",
          name.isEmpty()
              ? "unnamed prepared statement does not exist"
              : "prepared statement \"" + name + "\" does not exist");
    }
    return handle;
  }

  private Portal portal(String name) throws SqlException {
    Portal portal = portals.get(name);
    if (portal == null) {
      throw new SqlException(
          "34000",
          name.isEmpty()
              ? "unnamed portal does not exist"
              : "portal \"" + name + "\" does not exist");
    }
    return portal;
  }

  private void closeStatement(String name) {
    StatementHandle old = statements.remove(name);
    if (old != null) {
      old.release();
    }
  }

  private void closePortal(String name) {
    Portal old = portals.remove(name);
    if (old != null) {
      old.close();
    }
  }
}
