package io.distdb.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The second defence: statements run directly on the engine connections sessions get (the SQL
 * layer's checks bypassed) still cannot run code, touch files, or, as the reader, change data.
 */
class EngineUserTest {

  private static final DatabaseName DB = new DatabaseName("app");

  @TempDir Path dir;
  private Storage storage;

  @BeforeEach
  void setUp() throws Exception {
    storage = new Storage(dir.resolve("db"));
    storage.create(DB, 0);
    try (Connection c = storage.connect(DB, EngineUser.WRITER);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
      s.execute("INSERT INTO t VALUES (1), (2)");
      s.execute("CREATE SEQUENCE seq");
    }
  }

  @AfterEach
  void tearDown() {
    storage.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT FILE_READ('/etc/passwd')",
        "SELECT FILE_WRITE(X'00', '%s/written')",
        "SELECT * FROM CSVREAD('/etc/passwd')",
        "CALL CSVWRITE('%s/written', 'SELECT 1')",
        "SCRIPT TO '%s/written'",
        "RUNSCRIPT FROM '/etc/passwd'",
        "BACKUP TO '%s/written'",
        "CREATE ALIAS EX FOR 'java.lang.Runtime.exec(java.lang.String)'",
        "CREATE TRIGGER TR BEFORE INSERT ON t FOR EACH ROW AS $$org.h2.api.Trigger create() {"
            + " return null; } $$",
        "CREATE TRIGGER TR2 BEFORE INSERT ON t FOR EACH ROW CALL 'org.h2.tools.TriggerAdapter'",
        "CREATE LINKED TABLE L('', 'jdbc:h2:mem:x', '', '', 'T')",
        "SELECT * FROM LINK_SCHEMA('X', '', 'jdbc:h2:mem:x', '', '', 'PUBLIC')",
        "SET CACHE_SIZE 1",
        "SET MAX_MEMORY_ROWS 1",
        "SHUTDOWN",
        "CREATE USER EVE PASSWORD 'x' ADMIN",
        "GRANT ADMIN TO DISTDB_WRITER",
        "CALL CANCEL_SESSION(1)"
      })
  void writerCannotRunCodeTouchFilesOrChangeTheEngine(String sql) throws Exception {
    try (Connection c = storage.connect(DB, EngineUser.WRITER);
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute(sql.formatted(dir))).isInstanceOf(SQLException.class);
    }
    assertThat(Files.exists(dir.resolve("written"))).isFalse();
  }

  @Test
  void javaObjectValuesAreNeverDeserialized() throws Exception {
    try (Connection c = storage.connect(DB, EngineUser.WRITER);
        Statement s = c.createStatement()) {
      // A serialized java.lang.Integer: harmless, but any class would be loaded the same way.
      String integer =
          "ACED0005737200116A6176612E6C616E672E496E746567657212E2A0A4F781873802000149000576616C7565"
              + "787200106A6176612E6C616E672E4E756D62657286AC951D0B94E08B02000078700000002A";
      assertThatThrownBy(
              () -> {
                try (ResultSet rs =
                    s.executeQuery("SELECT CAST(X'" + integer + "' AS JAVA_OBJECT)")) {
                  rs.next();
                  rs.getObject(1);
                }
              })
          .isInstanceOf(SQLException.class);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "INSERT INTO t VALUES (3)",
        "DELETE FROM t",
        "SELECT * FROM FINAL TABLE (DELETE FROM t)",
        "WITH x AS (SELECT * FROM OLD TABLE (DELETE FROM t)) SELECT COUNT(*) FROM x",
        "CREATE TABLE u (id INT)",
        "DROP TABLE t",
        "UPDATE distdb_internal.applied SET lsn = 99"
      })
  void readerCannotChangeAnything(String sql) throws Exception {
    try (Connection c = storage.connect(DB, EngineUser.READER);
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute(sql)).isInstanceOf(SQLException.class);
    }
    try (Connection c = storage.connect(DB);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(2);
    }
    assertThat(storage.appliedLsn(DB)).isZero();
  }

  @Test
  void readerSeesSchemasCreatedLaterOnceGrantsAreRefreshed() throws Exception {
    try (Connection c = storage.connect(DB, EngineUser.WRITER);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA app2");
      s.execute("CREATE TABLE app2.v (id INT)");
    }
    storage.refreshReaderGrants(DB);
    try (Connection c = storage.connect(DB, EngineUser.READER);
        Statement s = c.createStatement()) {
      assertThatCode(() -> s.executeQuery("SELECT * FROM app2.v").close())
          .doesNotThrowAnyException();
      assertThatCode(() -> s.executeQuery("SELECT * FROM t").close()).doesNotThrowAnyException();
      assertThatThrownBy(() -> s.execute("INSERT INTO app2.v VALUES (1)"))
          .isInstanceOf(SQLException.class);
    }
  }

  @Test
  void usersSurviveARestartWithNewPasswords() throws Exception {
    storage.close();
    storage = new Storage(dir.resolve("db"));
    try (Connection c = storage.connect(DB, EngineUser.READER);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(2);
    }
  }
}
