package io.distdb.node.service;

import io.distdb.node.sql.ExistenceClauses;
import io.distdb.node.sql.ExistenceClauses.Check;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The NOTICEs PostgreSQL raises for the objects a {@code DROP ... IF EXISTS} or {@code CREATE ...
 * IF NOT EXISTS} skips, decided from the engine's catalog before the statement runs (the engine
 * skips silently). Statements without such a clause cost no lookup.
 */
final class ExistenceNotices {

  private static final String TABLE =
      "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = COALESCE(?1, CURRENT_SCHEMA)"
          + " AND TABLE_NAME = ?2 AND TABLE_TYPE <> 'VIEW'";
  private static final String VIEW =
      "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = COALESCE(?1, CURRENT_SCHEMA)"
          + " AND TABLE_NAME = ?2 AND TABLE_TYPE = 'VIEW'";
  private static final String INDEX =
      "SELECT 1 FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_SCHEMA = COALESCE(?1, CURRENT_SCHEMA)"
          + " AND INDEX_NAME = ?2";
  private static final String SEQUENCE =
      "SELECT 1 FROM INFORMATION_SCHEMA.SEQUENCES"
          + " WHERE SEQUENCE_SCHEMA = COALESCE(?1, CURRENT_SCHEMA) AND SEQUENCE_NAME = ?2";
  private static final String TYPE =
      "SELECT 1 FROM INFORMATION_SCHEMA.DOMAINS WHERE DOMAIN_SCHEMA = COALESCE(?1, CURRENT_SCHEMA)"
          + " AND DOMAIN_NAME = ?2";

  /** CREATE's "relation": any table, view, index or sequence holds the name. */
  private static final String RELATION =
      TABLE.replace(" AND TABLE_TYPE <> 'VIEW'", "")
          + " UNION ALL "
          + INDEX
          + " UNION ALL "
          + SEQUENCE;

  private static final String SCHEMA =
      "SELECT 1 FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = ?";

  private final Connection connection;

  ExistenceNotices(Connection connection) {
    this.connection = connection;
  }

  /** The notices {@code clientSql} raises when it runs now; empty for most statements. */
  List<Notice> before(String clientSql) throws SQLException {
    List<Check> checks = ExistenceClauses.of(clientSql);
    if (checks.isEmpty()) {
      return List.of();
    }
    List<Notice> notices = new ArrayList<>();
    for (Check check : checks) {
      Notice notice = check.create() ? created(check) : dropped(check);
      if (notice != null) {
        notices.add(notice);
      }
    }
    return notices;
  }

  private Notice created(Check check) throws SQLException {
    if (check.kind() == ExistenceClauses.Kind.SCHEMA) {
      return schemaExists(check.name())
          ? new Notice("42P06", "schema \"" + check.name() + "\" already exists, skipping")
          : null;
    }
    return exists(RELATION, check.schema(), check.name())
        ? new Notice("42P07", "relation \"" + check.name() + "\" already exists, skipping")
        : null;
  }

  private Notice dropped(Check check) throws SQLException {
    if (check.kind() == ExistenceClauses.Kind.SCHEMA) {
      return schemaExists(check.name()) ? null : skipped("schema", check.name());
    }
    if (check.schema() != null && !schemaExists(check.schema())) {
      return skipped("schema", check.schema()); // PostgreSQL names the missing schema
    }
    String query =
        switch (check.kind()) {
          case TABLE -> TABLE;
          case VIEW -> VIEW;
          case INDEX -> INDEX;
          case SEQUENCE -> SEQUENCE;
          case TYPE -> TYPE;
          case SCHEMA -> throw new IllegalStateException();
        };
    if (exists(query, check.schema(), check.name())) {
      return null;
    }
    // PostgreSQL names the object without its schema.
    return skipped(check.kind().name().toLowerCase(java.util.Locale.ROOT), check.name());
  }

  private static Notice skipped(String noun, String name) {
    return new Notice("00000", noun + " \"" + name + "\" does not exist, skipping");
  }

  private boolean schemaExists(String name) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(SCHEMA)) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private boolean exists(String query, String schema, String name) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(query)) {
      ps.setString(1, schema);
      ps.setString(2, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
