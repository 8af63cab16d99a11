package io.distdb.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The materialized catalog relations: built from their sources, rebuilt after schema changes. */
class CatalogSnapshotTest {

  private static final DatabaseName DB = new DatabaseName("app");
  private static final String READS_CATALOG = "SELECT 1 FROM distdb_catalog.pg_class_rows";

  @TempDir Path dir;
  private Storage storage;

  @BeforeEach
  void setUp() {
    storage = new Storage(dir.resolve("db"));
    storage.create(DB, 0);
  }

  @AfterEach
  void tearDown() {
    storage.close();
  }

  @Test
  void aSourceReadsOnlyRelationsMaterializedBeforeIt() {
    List<String> earlier = new ArrayList<>();
    Pattern reference = Pattern.compile("distdb_catalog\\.(\\w+)");
    for (CatalogSnapshot.Relation r : CatalogSnapshot.RELATIONS) {
      String source = source(r);
      Matcher m = reference.matcher(source);
      while (m.find()) {
        String name = m.group(1).replaceFirst("_rows$", "");
        if (CatalogSnapshot.isMaterialized(name)) {
          assertThat(earlier).as(r.name() + " reads " + name).contains(name);
        }
      }
      earlier.add(r.name());
    }
  }

  @Test
  void sourcesReadTheEngineCopiesNotTheEnginesMetadata() {
    for (CatalogSnapshot.Relation r : CatalogSnapshot.RELATIONS) {
      assertThat(source(r).toLowerCase(java.util.Locale.ROOT))
          .as(r.name())
          .doesNotContainPattern("(?<![\\w.])information_schema\\.")
          .doesNotContainPattern("(?<![\\w.])pg_catalog\\.pg_(class|attribute|constraint)\\b");
    }
  }

  @Test
  void aSchemaChangeIsSeenOnceTheSnapshotIsInvalidated() throws Exception {
    try (Connection c = storage.connect(DB, EngineUser.WRITER);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
      storage.afterSchemaChange(DB);
      storage.catalog(DB).beforeStatement(c, READS_CATALOG);
      assertThat(relations(s, "t")).isEqualTo(1);

      s.execute("CREATE TABLE u (id INT PRIMARY KEY)");
      storage.catalog(DB).beforeStatement(c, READS_CATALOG);
      assertThat(relations(s, "u")).as("not invalidated yet").isZero();

      storage.afterSchemaChange(DB);
      storage.catalog(DB).beforeStatement(c, READS_CATALOG);
      assertThat(relations(s, "u")).isEqualTo(1);
    }
  }

  @Test
  void onlyStatementsThatReadTheCatalogRebuildIt() throws Exception {
    try (Connection c = storage.connect(DB, EngineUser.WRITER);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
      s.execute("CREATE VIEW mine AS SELECT relname FROM distdb_catalog.pg_class");
      storage.afterSchemaChange(DB);

      storage.catalog(DB).beforeStatement(c, "INSERT INTO t VALUES (1)");
      assertThat(relations(s, "t")).as("a write reads no catalog").isZero();

      // The client's own view over the catalog: its text names only the view.
      storage.catalog(DB).beforeStatement(c, "SELECT count(*) FROM MINE WHERE relname = 't'");
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM mine WHERE relname = 't'")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
    }
  }

  @Test
  void aProcessThatOpensTheDatabaseAgainBuildsItAfresh() throws Exception {
    try (Connection c = storage.connect(DB, EngineUser.WRITER);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
      storage.afterSchemaChange(DB);
      storage.catalog(DB).beforeStatement(c, READS_CATALOG);
    }
    storage.close();
    storage = new Storage(dir.resolve("db"));
    try (Connection c = storage.connect(DB, EngineUser.WRITER);
        Statement s = c.createStatement()) {
      assertThat(relations(s, "t")).as("the tables keep no rows on disk").isZero();
      storage.catalog(DB).beforeStatement(c, READS_CATALOG);
      assertThat(relations(s, "t")).isEqualTo(1);
    }
  }

  @Test
  void theSnapshotIsNoPartOfTheDatabasesChecksum() throws Exception {
    String before = DatabaseChecksum.compute(storage, DB).checksum();
    try (Connection c = storage.connect(DB, EngineUser.WRITER)) {
      storage.catalog(DB).beforeStatement(c, READS_CATALOG);
    }
    assertThat(DatabaseChecksum.compute(storage, DB).checksum()).isEqualTo(before);
  }

  private static String source(CatalogSnapshot.Relation r) {
    String prefix = "CREATE OR REPLACE VIEW " + r.source() + " AS ";
    return CatalogViews.definitions("app").stream()
        .filter(
            sql -> sql.startsWith(prefix) || sql.startsWith(prefix.replace("VIEW", "FORCE VIEW")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no source of " + r.name()));
  }

  private static int relations(Statement s, String name) throws SQLException {
    try (ResultSet rs =
        s.executeQuery(
            "SELECT count(*) FROM distdb_catalog.pg_class_rows WHERE relname = '" + name + "'")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
