package io.distdb.node.service;

import io.distdb.node.dialect.Schema.ObjectName;
import io.distdb.node.dialect.Schema.View;
import io.distdb.node.sql.CascadeDrops;
import io.distdb.node.sql.StatementException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The NOTICE PostgreSQL raises for what a {@code DROP TABLE | VIEW ... CASCADE} drops besides the
 * objects it names: "drop cascades to view v", or "drop cascades to 2 other objects" with one line
 * per object in its DETAIL. Decided from the engine's catalog before the statement runs (the engine
 * drops them silently). Reported: the foreign keys of other tables that reference a dropped table,
 * then the views that read a dropped relation, directly or through another such view. PostgreSQL
 * lists them in its dependency scan's order, which here is approximated by that one.
 */
final class CascadeNotices {

  private static final String FOREIGN_KEYS =
      "SELECT fk.CONSTRAINT_NAME, fk.TABLE_SCHEMA, fk.TABLE_NAME"
          + " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc"
          + " JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS fk"
          + " ON fk.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA"
          + " AND fk.CONSTRAINT_NAME = rc.CONSTRAINT_NAME"
          + " JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS uk"
          + " ON uk.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA"
          + " AND uk.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME"
          + " WHERE uk.TABLE_SCHEMA = ? AND uk.TABLE_NAME = ?"
          + " ORDER BY fk.TABLE_NAME, fk.CONSTRAINT_NAME";

  private final Connection connection;
  private final EngineObjects objects;

  CascadeNotices(Connection connection) {
    this.connection = connection;
    this.objects = new EngineObjects(connection);
  }

  /** The notice {@code clientSql} raises when it runs now; empty for most statements. */
  List<Notice> before(String clientSql) throws SQLException {
    CascadeDrops.Drop drop = CascadeDrops.of(clientSql);
    if (drop == null) {
      return List.of();
    }
    try {
      List<ObjectName> dropped = new ArrayList<>();
      String current = currentSchema();
      for (List<String> name : drop.names()) {
        dropped.add(
            new ObjectName(name.size() == 2 ? name.get(0) : current, name.get(name.size() - 1)));
      }
      List<String> lines = new ArrayList<>();
      if (!drop.views()) {
        for (ObjectName table : dropped) {
          foreignKeys(table, dropped, lines);
        }
      }
      views(dropped, lines);
      if (lines.isEmpty()) {
        return List.of();
      }
      if (lines.size() == 1) {
        return List.of(new Notice("00000", lines.get(0)));
      }
      return List.of(
          new Notice(
              "00000",
              "drop cascades to " + lines.size() + " other objects",
              String.join("\n", lines)));
    } catch (StatementException e) {
      return List.of(); // the catalog could not be read: the statement runs without the notice
    }
  }

  private void foreignKeys(ObjectName table, List<ObjectName> dropped, List<String> lines)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(FOREIGN_KEYS)) {
      ps.setString(1, table.schema());
      ps.setString(2, table.name());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ObjectName owner = new ObjectName(rs.getString(2), rs.getString(3));
          if (!dropped.contains(owner)) {
            lines.add(
                "drop cascades to constraint " + rs.getString(1) + " on table " + owner.name());
          }
        }
      }
    }
  }

  /** Views that read a dropped relation, level by level (a view's readers after it). */
  private void views(List<ObjectName> dropped, List<String> lines) throws StatementException {
    List<View> all = objects.views();
    List<ObjectName> gone = new ArrayList<>(dropped);
    List<ObjectName> level = new ArrayList<>(dropped);
    while (!level.isEmpty()) {
      List<ObjectName> next = new ArrayList<>();
      for (View view : all) {
        if (!gone.contains(view.name()) && reads(view, level)) {
          next.add(view.name());
          gone.add(view.name());
          lines.add("drop cascades to view " + view.name().name());
        }
      }
      level = next;
    }
  }

  private static boolean reads(View view, List<ObjectName> relations) {
    for (ObjectName r : relations) {
      String quoted =
          '"' + r.schema().replace("\"", "\"\"") + "\".\"" + r.name().replace("\"", "\"\"") + '"';
      if (view.definition().contains(quoted)) {
        return true;
      }
    }
    return false;
  }

  private String currentSchema() throws SQLException {
    try (java.sql.Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT CURRENT_SCHEMA")) {
      return rs.next() ? rs.getString(1) : "public";
    }
  }
}
