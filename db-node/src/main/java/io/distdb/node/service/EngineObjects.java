package io.distdb.node.service;

import io.distdb.node.dialect.Schema.ObjectKind;
import io.distdb.node.dialect.Schema.ObjectName;
import io.distdb.node.dialect.Schema.View;
import io.distdb.node.sql.StatementException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which schema objects exist and what depends on them, read from the engine's INFORMATION_SCHEMA
 * for the checks a multi-object DROP makes before it runs ({@code dialect.DropListRewrite}).
 */
final class EngineObjects {

  private static final String TABLE =
      "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
          + " AND TABLE_TYPE <> 'VIEW'";
  private static final String VIEW =
      "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
          + " AND TABLE_TYPE = 'VIEW'";
  private static final String SEQUENCE =
      "SELECT 1 FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = ? AND SEQUENCE_NAME = ?";
  private static final String INDEX =
      "SELECT 1 FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_SCHEMA = ? AND INDEX_NAME = ?";
  private static final String TYPE =
      "SELECT 1 FROM INFORMATION_SCHEMA.DOMAINS WHERE DOMAIN_SCHEMA = ? AND DOMAIN_NAME = ?";
  private static final String SCHEMA =
      "SELECT 1 FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = ?";
  private static final String TYPE_IN_USE =
      "SELECT 1 FROM INFORMATION_SCHEMA.COLUMNS WHERE DOMAIN_SCHEMA = ? AND DOMAIN_NAME = ?";

  /** The user's views: the engine's and distdb's own catalog schemas hold none of theirs. */
  private static final String VIEWS =
      "SELECT TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS"
          + " WHERE TABLE_SCHEMA NOT IN"
          + " ('INFORMATION_SCHEMA', 'information_schema', 'pg_catalog', 'distdb_catalog',"
          + " 'distdb_internal')";

  private final Connection connection;

  EngineObjects(Connection connection) {
    this.connection = connection;
  }

  boolean exists(ObjectKind kind, ObjectName name) throws StatementException {
    String query =
        switch (kind) {
          case TABLE -> TABLE;
          case VIEW -> VIEW;
          case SEQUENCE -> SEQUENCE;
          case INDEX -> INDEX;
          case TYPE -> TYPE;
        };
    return any(query, name.schema(), name.name());
  }

  boolean schemaExists(String schema) throws StatementException {
    return any(SCHEMA, schema);
  }

  boolean typeInUse(ObjectName type) throws StatementException {
    return any(TYPE_IN_USE, type.schema(), type.name());
  }

  List<View> views() throws StatementException {
    try (PreparedStatement ps = connection.prepareStatement(VIEWS);
        ResultSet rs = ps.executeQuery()) {
      List<View> out = new ArrayList<>();
      while (rs.next()) {
        String definition = rs.getString(3);
        out.add(
            new View(
                new ObjectName(rs.getString(1), rs.getString(2)),
                definition == null ? "" : definition));
      }
      return out;
    } catch (SQLException e) {
      throw new StatementException("XX000", "cannot read the catalog: " + e.getMessage());
    }
  }

  private boolean any(String sql, String... args) throws StatementException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new StatementException("XX000", "cannot read the catalog: " + e.getMessage());
    }
  }
}
