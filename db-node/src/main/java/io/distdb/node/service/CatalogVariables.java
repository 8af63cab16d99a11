package io.distdb.node.service;

import io.distdb.node.storage.CatalogSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the catalog views ({@code storage/pg-catalog.sql}) need to know of the session and the node
 * that the engine does not: the node's user ({@code @distdb_user}, for pg_roles, pg_get_userbyid,
 * current_user...), the process id BackendKeyData gave the session ({@code
 * @distdb_backend_pid}, pg_backend_pid and pg_stat_activity.pid), its databases ({@code @distdb_databases}, for pg_database), the client's text
 * of the statement and its application_name (pg_stat_activity). They are set as the engine
 * session's variables before a statement that reads the catalog runs, the databases afresh for each
 * statement that reads pg_database or a statistics view (another session may have created or
 * dropped one). A slave knows the same databases as its master, so both answer alike. The
 * materialized catalog relations are brought up to date then too ({@link CatalogSnapshot}).
 */
final class CatalogVariables {

  private static final String CATALOG = "distdb_catalog.";
  private static final List<String> PER_STATEMENT =
      List.of("distdb_catalog.pg_database", "distdb_catalog.pg_stat_");

  private final Connection connection;
  private final String user;
  private final Supplier<List<String>> databases;
  private final java.util.function.ToLongFunction<String> databaseSize;
  private final SessionSettings settings;
  private final String version;
  private final CatalogSnapshot catalog;
  private boolean userSet;

  /**
   * @param version what {@code version()} answers ({@link ServerVersionText})
   */
  CatalogVariables(
      Connection connection,
      String user,
      Supplier<List<String>> databases,
      java.util.function.ToLongFunction<String> databaseSize,
      SessionSettings settings,
      String version,
      CatalogSnapshot catalog) {
    this.connection = connection;
    this.user = user;
    this.databases = databases;
    this.databaseSize = databaseSize;
    this.settings = settings;
    this.version = version;
    this.catalog = catalog;
  }

  /** Sets the variables {@code engineSql} (the client's {@code clientSql} translated) may read. */
  void beforeStatement(String clientSql, String engineSql) throws SQLException {
    catalog.beforeStatement(connection, engineSql);
    if (!engineSql.contains(CATALOG)) {
      return;
    }
    if (!userSet) {
      set("distdb_user", user);
      set("distdb_backend_pid", settings.backendPid());
      set("distdb_version", version);
      userSet = true;
    }
    if (engineSql.contains("viewdef") || engineSql.contains("_views")) {
      // PostgreSQL qualifies a view's relations by the reader's search_path (storage.ViewText).
      String path = settings.get("search_path");
      set("distdb_search_path", path == null ? "public" : path);
    }
    if (engineSql.contains("d_pg_database_size")) {
      // Each database is its own engine database: a session sees only its own (storage.
      // CatalogFunctions.databaseSize reads "size:name" pairs).
      set(
          "distdb_database_sizes",
          connection.createArrayOf(
              "VARCHAR",
              databases.get().stream().map(d -> databaseSize.applyAsLong(d) + ":" + d).toArray()));
    }
    if (PER_STATEMENT.stream().noneMatch(engineSql::contains)) {
      return;
    }
    set("distdb_databases", connection.createArrayOf("VARCHAR", databases.get().toArray()));
    set("distdb_query", clientSql);
    String application = settings.get("application_name");
    set("distdb_application_name", application == null ? "" : application);
  }

  private void set(String variable, Object value) throws SQLException {
    try (PreparedStatement p = connection.prepareStatement("SET @" + variable + " = ?")) {
      p.setObject(1, value);
      p.execute();
    }
  }
}
