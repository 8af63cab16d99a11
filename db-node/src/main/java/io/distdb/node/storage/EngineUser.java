package io.distdb.node.storage;

/**
 * Who a connection to the storage engine acts as. Sessions and the write path never connect as the
 * engine's administrator: H2 reserves everything that runs Java code or touches files (aliases,
 * triggers, {@code FILE_READ}, {@code CSVREAD}, {@code SCRIPT}, linked tables, engine settings) for
 * it, so a statement that slips past the SQL layer's checks still cannot use them.
 */
public enum EngineUser {
  /**
   * Changes data and schema (the master's writer and sessions, crash recovery, a slave's applier):
   * owner rights on every schema, no administrator rights.
   */
  WRITER("DISTDB_WRITER"),
  /**
   * Reads only (a slave's sessions): SELECT on each user schema, so a statement misclassified as a
   * read fails there instead of changing a replica behind the log's back.
   */
  READER("DISTDB_READER");

  private final String engineName;

  EngineUser(String engineName) {
    this.engineName = engineName;
  }

  /** The user's name inside the engine. */
  String engineName() {
    return engineName;
  }
}
