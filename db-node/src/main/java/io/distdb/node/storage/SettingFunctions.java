package io.distdb.node.storage;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code current_setting(name [, missing_ok])} and {@code set_config(name, value, is_local)} inside
 * any statement. The session's run-time parameters live in the distdb session ({@code
 * service.SessionSettings}); it mirrors them into its engine session as one variable, {@value
 * #VARIABLE}, an array of name, value, name, value ... These functions read that variable, and
 * set_config writes it, which the session reads back after the statement.
 *
 * <p>Like {@link CatalogFunctions}, this class is one the engine may load ({@link
 * EngineHardening}): it touches nothing but the calling engine session.
 */
public final class SettingFunctions {

  /** The engine session variable holding the session's parameters. */
  public static final String VARIABLE = "@distdb_settings";

  /** SQL name → Java method, installed as {@code distdb_catalog.d_<name>}. */
  public static final Map<String, String> ALIASES =
      Map.of("current_setting", "currentSetting", "set_config", "setConfig");

  private SettingFunctions() {}

  static void install(Connection admin) throws SQLException {
    CatalogFunctions.install(admin, SettingFunctions.class, ALIASES);
  }

  public static String currentSetting(Connection c, String name) throws SQLException {
    return currentSetting(c, name, false);
  }

  /** The parameter's value; 42704 for one the session does not have, unless missingOk. */
  public static String currentSetting(Connection c, String name, Boolean missingOk)
      throws SQLException {
    if (name == null) {
      return null;
    }
    String value = read(c).get(name.toLowerCase(Locale.ROOT));
    if (value == null) {
      value = builtIn(c, name);
    }
    if (value == null && !Boolean.TRUE.equals(missingOk)) {
      throw unrecognized(name);
    }
    return value;
  }

  /**
   * Sets the parameter for the rest of the session and returns the value. is_local (until the
   * transaction ends in PostgreSQL) is treated as the session: a documented difference.
   */
  public static String setConfig(Connection c, String name, String value, Boolean isLocal)
      throws SQLException {
    if (name == null) {
      throw new SQLException("SET requires parameter name", "22023");
    }
    String key = name.toLowerCase(Locale.ROOT);
    if (key.isBlank() || key.indexOf(' ') >= 0) {
      throw unrecognized(name);
    }
    Map<String, String> settings = read(c);
    settings.put(key, value == null ? "" : value);
    write(c, settings);
    return value == null ? "" : value;
  }

  /**
   * A parameter the session does not track, as PostgreSQL 15 boots with it (pg_settings' recorded
   * rows), so that psql's {@code \\dconfig} and tools reading work_mem get a value; or null.
   */
  public static String builtIn(Connection c, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT setting, unit FROM "
                + CatalogViews.SCHEMA
                + ".builtin_setting WHERE LOWER(name) = LOWER(?)")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? SettingDisplay.show(rs.getString(1), rs.getString(2)) : null;
      }
    }
  }

  /** The session's parameters as its engine session holds them, in order. */
  public static Map<String, String> read(Connection c) throws SQLException {
    Map<String, String> settings = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + VARIABLE)) {
      Array a = rs.next() ? rs.getArray(1) : null;
      if (a != null) {
        Object[] pairs = (Object[]) a.getArray();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
          settings.put((String) pairs[i], (String) pairs[i + 1]);
        }
      }
    }
    return settings;
  }

  /** Replaces the session's parameters in its engine session. */
  public static void write(Connection c, Map<String, String> settings) throws SQLException {
    String[] pairs = new String[settings.size() * 2];
    int i = 0;
    for (Map.Entry<String, String> e : settings.entrySet()) {
      pairs[i++] = e.getKey();
      pairs[i++] = e.getValue();
    }
    try (PreparedStatement ps = c.prepareStatement("SET " + VARIABLE + " = ?")) {
      ps.setObject(1, pairs);
      ps.execute();
    }
  }

  private static SQLException unrecognized(String name) {
    return new SQLException("unrecognized configuration parameter \"" + name + "\"", "42704");
  }
}
