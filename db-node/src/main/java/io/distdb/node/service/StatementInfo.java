package io.distdb.node.service;

import io.distdb.node.dialect.Dialect;
import io.distdb.node.dialect.EngineStatement;
import io.distdb.node.dialect.Schema;
import io.distdb.node.sql.DatabaseCommand;
import io.distdb.node.sql.Determinism;
import io.distdb.node.sql.SessionCommand;
import io.distdb.node.sql.Statement;
import io.distdb.node.sql.StatementClassifier;
import io.distdb.node.sql.StatementException;
import io.distdb.node.sql.StatementSplitter;
import io.distdb.node.sql.TransactionCommand;
import java.time.Instant;
import java.util.List;

/**
 * What the session needs to know about a statement, read off the {@code sql} package's
 * classification, plus the text rewrites that package offers (placeholders, determinism).
 *
 * @param verb the command to act on: the CommandComplete tag for most statements; for transaction
 *     control {@code BEGIN}, {@code START TRANSACTION}, {@code COMMIT}, {@code ROLLBACK}, {@code
 *     SAVEPOINT}, {@code RELEASE} or {@code ROLLBACK TO}
 */
record StatementInfo(
    Kind kind,
    String verb,
    Statement statement,
    String databaseName,
    boolean ifExists,
    String savepoint,
    String settingName,
    String settingValue) {

  /** How the session routes the statement. */
  enum Kind {
    READ,
    WRITE,
    DDL,
    DATABASE_DDL,
    TRANSACTION,
    SESSION,
    EMPTY,
    OTHER
  }

  /** The statement in the storage engine's dialect. */
  /**
   * @param describeSql null, or the statement to ask H2 for parameter types ({@link
   *     io.distdb.node.dialect.EngineStatement#describeSql()})
   */
  record EngineSql(String sql, int parameterCount, String describeSql) {}

  static StatementInfo classify(String sql) throws SqlException {
    Statement s;
    try {
      s = StatementClassifier.classify(sql);
    } catch (StatementException e) {
      throw translate(e);
    }
    Kind kind = Kind.valueOf(s.kind().name());
    if (s instanceof DatabaseCommand d) {
      return new StatementInfo(kind, d.commandTag(), s, d.name(), d.ifExists(), null, null, null);
    }
    if (s instanceof TransactionCommand t) {
      String verb =
          switch (t.op()) {
            case BEGIN -> t.commandTag();
            case COMMIT -> "COMMIT";
            case ROLLBACK -> "ROLLBACK";
            case SAVEPOINT -> "SAVEPOINT";
            case RELEASE_SAVEPOINT -> "RELEASE";
            case ROLLBACK_TO_SAVEPOINT -> "ROLLBACK TO";
          };
      return new StatementInfo(kind, verb, s, null, false, t.savepoint(), null, null);
    }
    if (s instanceof SessionCommand c) {
      String verb =
          switch (c.op()) {
            case SET -> "SET";
            case RESET -> "RESET";
            case SHOW -> "SHOW";
            case DISCARD, DEALLOCATE, LOCK -> c.commandTag();
          };
      return new StatementInfo(kind, verb, s, null, false, null, c.name(), c.value());
    }
    return new StatementInfo(kind, s.commandTag(), s, null, false, null, null, null);
  }

  /** The CommandComplete tag for a statement that affected or returned {@code rowCount} rows. */
  String completionTag(long rowCount) {
    return statement.completionTag(rowCount);
  }

  /** The tag without its count ({@code "INSERT 0 "}), for RETURNING rows the protocol counts. */
  String completionTagPrefix() {
    String zero = statement.completionTag(0);
    return zero.endsWith(" 0") ? zero.substring(0, zero.length() - 1) : zero;
  }

  static List<String> split(String script) throws SqlException {
    try {
      return StatementSplitter.split(script);
    } catch (StatementException e) {
      throw translate(e);
    }
  }

  /** The statement in H2's dialect, translated by the {@code dialect} package. */
  static EngineSql toEngine(Dialect dialect, String sql, Schema schema) throws SqlException {
    try {
      EngineStatement e = dialect.translate(sql, schema);
      return new EngineSql(e.sql(), e.parameterCount(), e.describeSql());
    } catch (StatementException e) {
      throw translate(e);
    }
  }

  /**
   * A DDL statement with clock readings fixed, so that every replica that runs it computes the same
   * values (data changes are logged as row images and need nothing of the kind).
   */
  static String makeDeterministic(String engineSql, Instant now) throws SqlException {
    try {
      Determinism.checkTableDefinition(engineSql);
      return Determinism.rewrite(engineSql, now);
    } catch (StatementException e) {
      throw translate(e);
    }
  }

  private static SqlException translate(StatementException e) {
    return new SqlException(e.sqlState(), e.getMessage());
  }
}
