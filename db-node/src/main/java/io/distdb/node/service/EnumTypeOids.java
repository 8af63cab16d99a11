package io.distdb.node.service;

import io.distdb.node.storage.CatalogViews;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The type OID of a result column of a user's enum type, as RowDescription must announce it:
 * PostgreSQL sends the enum type's OID, and drivers look it up (asyncpg introspects it, pgjdbc
 * names it in getColumnTypeName). {@code CREATE TYPE ... AS ENUM} is one of the engine's domains
 * over its ENUM type, and the engine's metadata names only the labels ({@code ENUM('sad',
 * 'happy')}); a table column names its domain in INFORMATION_SCHEMA.COLUMNS, an expression ({@code
 * 'sad'::mood}) is matched by its labels, if exactly one enum type has them. The OID is the one the
 * catalog gives the type ({@code distdb_catalog.user_enum}); anything unresolved stays text (25),
 * as before.
 */
final class EnumTypeOids {

  /**
   * The OIDs are computed from INFORMATION_SCHEMA as the catalog computes them, not read from
   * {@code distdb_catalog.user_enum}: the catalog's relations may be a snapshot rebuilt only when a
   * client reads the catalog.
   */
  private static final String COLUMN_DOMAIN =
      "SELECT "
          + CatalogViews.enumTypeOid("d.DOMAIN_SCHEMA", "d.DOMAIN_NAME")
          + " FROM INFORMATION_SCHEMA.COLUMNS c JOIN INFORMATION_SCHEMA.DOMAINS d"
          + " ON d.DOMAIN_SCHEMA = c.DOMAIN_SCHEMA AND d.DOMAIN_NAME = c.DOMAIN_NAME"
          + " WHERE d.DATA_TYPE = 'ENUM'"
          + " AND c.TABLE_SCHEMA = ? AND c.TABLE_NAME = ? AND c.COLUMN_NAME = ?";

  private static final String LABELS =
      "SELECT "
          + CatalogViews.enumTypeOid("v.OBJECT_SCHEMA", "v.OBJECT_NAME")
          + ", v.VALUE_NAME FROM INFORMATION_SCHEMA.ENUM_VALUES v WHERE v.OBJECT_TYPE = 'DOMAIN'"
          + " ORDER BY v.OBJECT_SCHEMA, v.OBJECT_NAME, v.VALUE_ORDINAL";

  private EnumTypeOids() {}

  /** Whether column {@code i} is of the engine's ENUM type (so maybe of a user's enum type). */
  static boolean isEnum(ResultSetMetaData md, int i) throws SQLException {
    String name = md.getColumnTypeName(i);
    return md.getColumnType(i) == Types.OTHER && name != null && name.startsWith("ENUM(");
  }

  /** The enum type's OID, or 0 if the column's type is not one enum type the catalog lists. */
  static int oid(Connection connection, ResultSetMetaData md, int i) throws SQLException {
    String table = md.getTableName(i);
    if (table != null && !table.isEmpty()) {
      try (PreparedStatement ps = connection.prepareStatement(COLUMN_DOMAIN)) {
        ps.setString(1, md.getSchemaName(i));
        ps.setString(2, table);
        ps.setString(3, md.getColumnName(i));
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return rs.getInt(1);
          }
        }
      }
    }
    return byLabels(connection, md.getColumnTypeName(i));
  }

  private static int byLabels(Connection connection, String engineTypeName) throws SQLException {
    Map<Integer, List<String>> labels = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(LABELS);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        labels.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getString(2));
      }
    }
    int found = 0;
    for (Map.Entry<Integer, List<String>> e : labels.entrySet()) {
      if (engineTypeName.equals(engineName(e.getValue()))) {
        if (found != 0) {
          return 0; // two enum types with the same labels: the expression names neither
        }
        found = e.getKey();
      }
    }
    return found;
  }

  /** The engine's name of an ENUM type: {@code ENUM('a', 'it''s')}. */
  static String engineName(List<String> labels) {
    List<String> quoted = new ArrayList<>(labels.size());
    for (String label : labels) {
      quoted.add("'" + label.replace("'", "''") + "'");
    }
    return "ENUM(" + String.join(", ", quoted) + ")";
  }
}
