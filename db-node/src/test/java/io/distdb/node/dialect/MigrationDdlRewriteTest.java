package io.distdb.node.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The clauses Django's migrations emit that the engine lacks: deferrable foreign keys and operator
 * classes on index columns. The rewritten DDL must run on the engine.
 */
class MigrationDdlRewriteTest {

  private final Dialect dialect = new Dialect(16);

  private String engine(String sql) throws Exception {
    return dialect.translate(sql).sql();
  }

  @Test
  void deferrableClausesAreDropped() throws Exception {
    assertThat(
            engine(
                "ALTER TABLE \"auth_permission\" ADD CONSTRAINT \"fk\" FOREIGN KEY"
                    + " (\"content_type_id\") REFERENCES \"django_content_type\" (\"id\")"
                    + " DEFERRABLE INITIALLY DEFERRED"))
        .doesNotContainIgnoringCase("deferr")
        .contains("REFERENCES \"django_content_type\" (\"id\")");
    assertThat(
            engine("CREATE TABLE t (a INT REFERENCES u (id) NOT DEFERRABLE INITIALLY IMMEDIATE)"))
        .doesNotContainIgnoringCase("deferrable")
        .doesNotContainIgnoringCase("initially");
    // Not a table definition: untouched (a string that merely contains the words).
    assertThat(engine("SELECT 'DEFERRABLE INITIALLY DEFERRED'")).contains("DEFERRABLE INITIALLY");
  }

  @Test
  void dropColumnCascadeLosesItsCascade() throws Exception {
    assertThat(engine("ALTER TABLE \"django_content_type\" DROP COLUMN \"name\" CASCADE"))
        .isEqualTo("ALTER TABLE \"django_content_type\" DROP COLUMN \"name\" ");
    assertThat(engine("ALTER TABLE t DROP CONSTRAINT c CASCADE")).endsWith("CASCADE");
  }

  @Test
  void operatorClassesAreDroppedFromIndexColumns() throws Exception {
    String sql =
        engine(
            "CREATE INDEX \"auth_user_username_6821ab7c_like\" ON \"auth_user\""
                + " (\"username\" varchar_pattern_ops)");
    assertThat(sql).doesNotContain("varchar_pattern_ops").contains("(\"username\" )");
    assertThat(engine("CREATE UNIQUE INDEX i ON t (a text_pattern_ops, b)"))
        .doesNotContain("text_pattern_ops");
  }

  @Test
  void theRewrittenStatementsRunOnTheEngine() throws Exception {
    try (Connection c =
            DriverManager.getConnection("jdbc:h2:mem:mig;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE u (id INT PRIMARY KEY, name VARCHAR(20))");
      s.execute(
          engine(
              "CREATE TABLE t (id INT, u_id INT REFERENCES u (id) DEFERRABLE INITIALLY DEFERRED)"));
      s.execute(
          engine(
              "ALTER TABLE t ADD CONSTRAINT t_fk FOREIGN KEY (u_id) REFERENCES u (id)"
                  + " DEFERRABLE INITIALLY DEFERRED"));
      s.execute(engine("CREATE INDEX u_name_like ON u (name varchar_pattern_ops)"));
      s.execute(engine("ALTER TABLE u DROP COLUMN name CASCADE"));
    }
  }
}
