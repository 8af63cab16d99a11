package io.distdb.node.service;

import io.distdb.node.dialect.Dialect;
import io.distdb.node.storage.DatabaseName;
import io.distdb.node.storage.Storage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The node's {@link SqlService}: sessions on local storage, writes through a {@link WriteExecutor}.
 */
public final class NodeSqlService implements SqlService {

  private final Storage storage;
  private final WriteExecutor writes;
  private final SessionRegistry sessions;
  private final String serverVersion;
  private final Clock clock;
  private final Dialect dialect = new Dialect(Dialect.DEFAULT_CACHE_SIZE);

  public NodeSqlService(
      Storage storage,
      WriteExecutor writes,
      SessionRegistry sessions,
      String serverVersion,
      Clock clock) {
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
      connection = storage.connect(new DatabaseName(database));
    } catch (SQLException e) {
      throw SqlErrors.translate(e);
    }
    sessions.opened(database);
    return new LocalSession(
        database,
        user,
        serverVersion,
        storage::names,
        connection,
        writes,
        new SessionSettings(serverVersion),
        clock,
        dialect,
        () -> sessions.closed(database));
  }
}
