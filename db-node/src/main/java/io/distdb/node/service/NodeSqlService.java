package io.distdb.node.service;

import io.distdb.node.dialect.Dialect;
import io.distdb.node.storage.DatabaseName;
import io.distdb.node.storage.EngineUser;
import io.distdb.node.storage.Storage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

/**
 * The node's {@link SqlService}: sessions on local storage, writes through a {@link WriteExecutor}.
 */
public final class NodeSqlService implements SqlService {

  private final Storage storage;
  private final WriteExecutor writes;
  private final SessionRegistry sessions;
  private final String serverVersion;
  private final Clock clock;
  private final EngineUser sessionUser;
  private final StatementFailures failures;
  private final Map<String, String> settingDefaults;
  private final Dialect dialect = new Dialect(Dialect.DEFAULT_CACHE_SIZE);

  /**
   * @param sessionUser who sessions' engine connections act as: {@link EngineUser#READER} on a node
   *     that takes no writes, so its storage refuses any change a session attempts
   */
  public NodeSqlService(
      Storage storage,
      WriteExecutor writes,
      SessionRegistry sessions,
      String serverVersion,
      Clock clock,
      EngineUser sessionUser,
      NodeHealth health) {
    this(storage, writes, sessions, serverVersion, clock, sessionUser, health, Map.of());
  }

  /**
   * @param settingDefaults run-time parameters every session starts with, e.g. the node's {@code
   *     statement_timeout}
   */
  public NodeSqlService(
      Storage storage,
      WriteExecutor writes,
      SessionRegistry sessions,
      String serverVersion,
      Clock clock,
      EngineUser sessionUser,
      NodeHealth health,
      Map<String, String> settingDefaults) {
    this.sessionUser = sessionUser;
    this.failures = new StatementFailures(health);
    this.settingDefaults = Map.copyOf(settingDefaults);
    this.storage = storage;
    this.writes = writes;
    this.sessions = sessions;
    this.serverVersion = serverVersion;
    this.clock = clock;
  }

  @Override
  public SqlSession open(String user, String database) throws SqlException {
    if (!DatabaseName.isValid(database) || !storage.exists(new DatabaseName(database))) {
      throw new SqlException("3D000", "database \"" + database + "\" does not exist");
    }
    Connection connection;
    try {
      connection = storage.connect(new DatabaseName(database), sessionUser);
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    }
    sessions.opened(database);
    return new LocalSession(
        database,
        user,
        serverVersion,
        storage::names,
        storage::size,
        connection,
        writes,
        new SessionSettings(serverVersion, settingDefaults),
        clock,
        failures,
        dialect,
        storage.fence(new DatabaseName(database)),
        storage.catalog(new DatabaseName(database)),
        () -> sessions.closed(database));
  }
}
