package io.distdb.node.service;

/**
 * One of a session's time-valued settings ({@link TimeoutSetting}) in milliseconds, read again only
 * after the session's settings changed: statements ask for it every time, settings change rarely.
 */
final class SessionTimeout {

  private final SessionSettings settings;
  private final String name;
  private long version = -1;
  private long millis;

  SessionTimeout(SessionSettings settings, String name) {
    this.settings = settings;
    this.name = name;
  }

  /** The value in milliseconds; 0 when unset (a value that did not parse was refused when set). */
  long millis() {
    if (settings.version() != version) {
      millis = parse(settings.get(name));
      version = settings.version();
    }
    return millis;
  }

  private long parse(String value) {
    try {
      return value == null ? 0 : TimeoutSetting.millis(name, value);
    } catch (SqlException e) {
      return 0; // validated when set
    }
  }
}
