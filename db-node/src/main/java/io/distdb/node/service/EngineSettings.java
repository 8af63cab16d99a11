package io.distdb.node.service;

import io.distdb.node.storage.SettingFunctions;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The session's run-time parameters as its engine session sees them, for {@code current_setting},
 * {@code set_config} ({@link SettingFunctions}). Copied into the engine only before a statement
 * that calls one of them, and only when they changed since the last copy; read back after it, since
 * set_config changes them.
 */
final class EngineSettings {

  private static final String MARKER = "." + io.distdb.node.storage.CatalogFunctions.PREFIX;

  private static final String SETTINGS_VIEW =
      io.distdb.node.storage.CatalogViews.SCHEMA + ".pg_settings";

  private final Connection connection;
  private long mirroredVersion = -1;

  EngineSettings(Connection connection) {
    this.connection = connection;
  }

  /**
   * Whether the engine statement calls one of the setting functions or reads pg_settings, which
   * shows the session's values.
   */
  static boolean reads(String engineSql) {
    if (engineSql.contains(SETTINGS_VIEW)) {
      return true;
    }
    if (!engineSql.contains(MARKER)) {
      return false;
    }
    for (String name : SettingFunctions.ALIASES.keySet()) {
      if (engineSql.contains(MARKER + name)) {
        return true;
      }
    }
    return false;
  }

  void mirror(SessionSettings settings) throws SQLException {
    if (settings.version() == mirroredVersion) {
      return;
    }
    SettingFunctions.write(connection, settings.all());
    mirroredVersion = settings.version();
  }

  void readBack(SessionSettings settings) throws SQLException {
    settings.replaceAll(SettingFunctions.read(connection));
    mirroredVersion = settings.version();
  }
}
