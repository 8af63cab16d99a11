package io.distdb.node.pgwire;

import io.distdb.node.pgwire.protocol.BackendMessage.BackendKeyData;
import io.distdb.node.pgwire.protocol.BackendMessage.ErrorResponse;
import io.distdb.node.pgwire.protocol.BackendMessage.ParameterStatus;
import io.distdb.node.pgwire.protocol.BackendMessage.ReadyForQuery;
import io.distdb.node.service.SqlException;
import io.distdb.node.service.SqlService;
import io.distdb.node.service.SqlSession;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the SQL session for an authenticated user and sends what a client expects before its first
 * query: the ParameterStatus values (pgjdbc refuses to work unless client_encoding is UTF8,
 * DateStyle starts with ISO and integer_datetimes is on), BackendKeyData and ReadyForQuery.
 */
final class SessionStarter {

  private static final Logger log = LoggerFactory.getLogger(SessionStarter.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ConnectionOutput out;
  private final String serverVersion;
  private final CancelRegistry cancels;
  private final int maxPreparedStatements;

  SessionStarter(
      ConnectionOutput out,
      String serverVersion,
      CancelRegistry cancels,
      int maxPreparedStatements) {
    this.out = out;
    this.serverVersion = serverVersion;
    this.cancels = cancels;
    this.maxPreparedStatements = maxPreparedStatements;
  }

  /** The command phase, or empty when the session could not be opened (a FATAL was sent). */
  Optional<Phase> start(
      SqlService service, String user, String database, Map<String, String> startupParameters) {
    SqlSession session;
    try {
      session = service.open(user, database);
    } catch (SqlException e) {
      // Whatever the code, a session that cannot be opened ends the connection.
      out.fatal(
          new ErrorResponse("FATAL", e.sqlState(), e.getMessage(), e.detail(), e.hint(), false));
      return Optional.empty();
    } catch (RuntimeException e) {
      ErrorReporter.translate(e, out.id());
      out.fatal(ErrorResponse.fatal("XX000", "internal error"));
      return Optional.empty();
    }
    for (Map.Entry<String, String> p : parameterStatus(user, startupParameters).entrySet()) {
      out.write(new ParameterStatus(p.getKey(), p.getValue()));
    }
    int processId = (int) out.id();
    int secretKey = RANDOM.nextInt();
    StatementControl control = new StatementControl(session, out.timers());
    cancels.register(processId, secretKey, control);
    session.started(processId);
    out.write(new BackendKeyData(processId, secretKey));
    out.write(new ReadyForQuery(session.transactionStatus().code()));
    out.flush();
    log.atDebug()
        .addKeyValue("conn", out.id())
        .addKeyValue("user", user)
        .addKeyValue("database", database)
        .log("session started");
    return Optional.of(
        new CommandPhase(
            session, out, control, maxPreparedStatements, () -> cancels.unregister(processId)));
  }

  private Map<String, String> parameterStatus(String user, Map<String, String> startup) {
    Map<String, String> status = new LinkedHashMap<>();
    status.put("server_version", serverVersion);
    status.put("server_encoding", "UTF8");
    status.put("client_encoding", "UTF8");
    status.put("DateStyle", "ISO, MDY");
    status.put("integer_datetimes", "on");
    status.put("standard_conforming_strings", "on");
    status.put("TimeZone", "UTC");
    status.put("IntervalStyle", "postgres");
    status.put("is_superuser", "on");
    status.put("session_authorization", user);
    status.put("application_name", startup.getOrDefault("application_name", ""));
    return status;
  }
}
