package io.distdb.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database whose catalog is older than {@link CatalogViews#VERSION} gets the current views when a
 * process opens it, keeping the object ids of the views it had and the client's views over them.
 */
class CatalogUpgradeTest {

  private static final DatabaseName DB = new DatabaseName("app");

  @TempDir Path dir;
  private Storage storage;

  @AfterEach
  void tearDown() {
    storage.close();
  }

  @Test
  void anOlderCatalogIsReplacedOnOpen() throws Exception {
    storage = new Storage(dir.resolve("db"));
    storage.create(DB, 0);
    try (Connection c = storage.connect(DB, EngineUser.WRITER);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
      s.execute("CREATE VIEW mine AS SELECT relname FROM distdb_catalog.pg_class");
    }
    int pgClassId;
    int tableId;
    try (Connection admin = storage.connect(DB);
        Statement s = admin.createStatement()) {
      assertThat(CatalogViews.installedVersion(s)).isEqualTo(CatalogViews.VERSION);
      pgClassId = id(s, "distdb_catalog", "pg_class");
      tableId = id(s, "public", "t");
      // What a database made by catalog version 1 lacked.
      s.execute("DROP VIEW distdb_catalog.catalog_version");
      s.execute("DROP VIEW distdb_catalog.pg_roles");
      assertThat(CatalogViews.installedVersion(s)).isEqualTo(1);
    }
    storage.close();

    storage = new Storage(dir.resolve("db"));
    try (Connection c = storage.connect(DB, EngineUser.WRITER);
        Statement s = c.createStatement()) {
      s.execute("SET @distdb_user = 'someone'");
      try (ResultSet rs = s.executeQuery("SELECT rolname FROM distdb_catalog.pg_roles")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("someone");
      }
      storage.catalog(DB).beforeStatement(c, "SELECT count(*) FROM mine WHERE relname = 't'");
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM mine WHERE relname = 't'")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
    }
    try (Connection admin = storage.connect(DB);
        Statement s = admin.createStatement()) {
      assertThat(CatalogViews.installedVersion(s)).isEqualTo(CatalogViews.VERSION);
      assertThat(id(s, "distdb_catalog", "pg_class")).isEqualTo(pgClassId);
      assertThat(id(s, "public", "t")).isEqualTo(tableId);
    }
  }

  private static int id(Statement s, String schema, String table) throws SQLException {
    try (ResultSet rs =
        s.executeQuery(
            "SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
                + " ON n.id = c.relnamespace WHERE n.nspname = '"
                + schema
                + "' AND c.relname = '"
                + table
                + "'")) {
      assertThat(rs.next()).as(schema + "." + table).isTrue();
      return rs.getInt(1);
    }
  }
}
