package io.distdb.node.service;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The run-time parameters a session can SET and SHOW. Most only exist so that drivers which set
 * them at connect keep working; the node's behaviour follows the values it announced at startup.
 */
final class SessionSettings {

  /** PostgreSQL's spelling of parameter names that are not all lower case, for SHOW's label. */
  private static final Map<String, String> LABELS =
      Map.of("timezone", "TimeZone", "datestyle", "DateStyle", "intervalstyle", "IntervalStyle");

  private final Map<String, String> values = new HashMap<>();
  private final Map<String, String> defaults;
  private int backendPid;

  /** Counts changes, so that the engine's copy ({@link EngineSettings}) knows when it is stale. */
  private long version;

  SessionSettings(String serverVersion) {
    this(serverVersion, Map.of());
  }

  /**
   * @param nodeDefaults values the node was configured with (e.g. {@code statement_timeout}); they
   *     win over the built-in ones and are what RESET returns to
   */
  SessionSettings(String serverVersion, Map<String, String> nodeDefaults) {
    values.put("server_version", serverVersion);
    values.put("server_version_num", "150000");
    values.put("server_encoding", "UTF8");
    values.put("client_encoding", "UTF8");
    values.put("datestyle", "ISO, MDY");
    values.put("timezone", "UTC");
    values.put("intervalstyle", "postgres");
    values.put("integer_datetimes", "on");
    values.put("standard_conforming_strings", "on");
    values.put("transaction_isolation", "read committed");
    values.put("default_transaction_isolation", "read committed");
    values.put("transaction_read_only", "off");
    values.put("default_transaction_read_only", "off");
    values.put("search_path", "\"$user\", public");
    values.put("application_name", "");
    values.put("extra_float_digits", "1");
    values.put("max_identifier_length", "63");
    values.put("is_superuser", "on");
    for (String timeout : TimeoutSetting.NAMES) {
      values.put(timeout, "0");
    }
    values.putAll(nodeDefaults);
    defaults = Map.copyOf(values);
  }

  void set(String name, String value) throws SqlException {
    String key = name.toLowerCase(Locale.ROOT);
    if (TimeoutSetting.NAMES.contains(key)) {
      TimeoutSetting.millis(key, value);
    }
    values.put(key, value);
    version++;
  }

  void backendPid(int pid) {
    backendPid = pid;
    version++;
  }

  int backendPid() {
    return backendPid;
  }

  long version() {
    return version;
  }

  /** Every parameter and its value. */
  Map<String, String> all() {
    return Map.copyOf(values);
  }

  /** Takes the values a statement set (set_config), without the checks SET makes. */
  void replaceAll(Map<String, String> changed) {
    if (!changed.equals(values)) {
      values.clear();
      values.putAll(changed);
      version++;
    }
  }

  /** Back to the value at connect; {@code all} (RESET ALL, DISCARD ALL) resets every one. */
  void reset(String name) {
    version++;
    if ("all".equalsIgnoreCase(name)) {
      values.clear();
      values.putAll(defaults);
      return;
    }
    String key = name.toLowerCase(Locale.ROOT);
    String initial = defaults.get(key);
    if (initial != null) {
      values.put(key, initial);
    } else {
      values.remove(key);
    }
  }

  /** The current value, or null when the session has none. */
  String get(String name) {
    return values.get(name);
  }

  /** SHOW's column label: the parameter's name as PostgreSQL spells it ({@code TimeZone}). */
  static String label(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    return LABELS.getOrDefault(key, key);
  }

  /** The value, or throws 42704 like PostgreSQL for a parameter it does not know. */
  String show(String name) throws SqlException {
    String v = values.get(name.toLowerCase(Locale.ROOT));
    if (v == null) {
      throw new SqlException("42704", "unrecognized configuration parameter \"" + name + "\"");
    }
    return v;
  }
}
