package io.distdb.node.service.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.service.Column;
import io.distdb.node.service.PgType;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The recognisers against the exact query texts psql 15 sent (recorded with psql -E against
 * PostgreSQL 15, in src/test/resources/psql-catalog), on an H2 database set up like distdb's.
 */
class CatalogQueriesTest {

  private Connection connection;
  private CatalogQueries catalog;

  @BeforeEach
  void setUp() throws Exception {
    connection =
        DriverManager.getConnection(
            "jdbc:h2:mem:catalogtest;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    try (Statement s = connection.createStatement()) {
      s.execute(
          "CREATE TABLE t (id integer PRIMARY KEY, name character varying(20) NOT NULL,"
              + " note text DEFAULT 'x', qty bigint)");
      s.execute("CREATE TABLE u (a integer, b text, CONSTRAINT u_b_uq UNIQUE (b))");
      s.execute("CREATE INDEX u_a ON u (a)");
      s.execute("CREATE TABLE tags (id integer, t_id integer REFERENCES t (id), UNIQUE (id))");
      s.execute("CREATE SCHEMA distdb_internal");
      s.execute("CREATE TABLE distdb_internal.applied (lsn bigint)");
      s.execute("CREATE SCHEMA other");
      s.execute("CREATE TABLE other.t2 (x integer)");
    }
    catalog =
        new CatalogQueries(
            new CatalogContext(
                "alice",
                "shop",
                "15.0 (distdb 0.1.0)",
                () -> List.of("distdb", "shop"),
                connection));
  }

  @AfterEach
  void tearDown() throws Exception {
    try (Statement s = connection.createStatement()) {
      s.execute("DROP ALL OBJECTS");
    }
    connection.close();
  }

  @Test
  void listDatabases() throws Exception {
    CatalogAnswer a = answer("list-databases.sql");
    assertThat(names(a.columns()))
        .containsExactly(
            "Name",
            "Owner",
            "Encoding",
            "Collate",
            "Ctype",
            "ICU Locale",
            "Locale Provider",
            "Access privileges");
    assertThat(a.columns().get(0).type()).isEqualTo(PgType.NAME);
    assertThat(rows(a))
        .containsExactly(
            "distdb|alice|UTF8|C|C|null|libc|null",
            "shop|alice|UTF8|C|C|null|libc|null",
            "template0|alice|UTF8|C|C|null|libc|=c/alice\nalice=CTc/alice",
            "template1|alice|UTF8|C|C|null|libc|=c/alice\nalice=CTc/alice");
  }

  @Test
  void listTablesIsVisibleUserTablesOnly() throws Exception {
    CatalogAnswer a = answer("list-tables.sql");
    assertThat(names(a.columns())).containsExactly("Schema", "Name", "Type", "Owner");
    assertThat(rows(a))
        .containsExactly("public|t|table|alice", "public|tags|table|alice", "public|u|table|alice");
  }

  @Test
  void listTablesWithPattern() throws Exception {
    assertThat(rows(answer("list-tables-pattern.sql")))
        .containsExactly("public|t|table|alice", "public|tags|table|alice");
    String other = fixture("list-tables-pattern.sql").replace("'^(t.*)$'", "'^(u)$'");
    assertThat(rows(catalog.answer(other))).containsExactly("public|u|table|alice");
  }

  @Test
  void listIndexesNamesConstraintsLikePostgres() throws Exception {
    CatalogAnswer a = answer("list-indexes.sql");
    assertThat(names(a.columns())).containsExactly("Schema", "Name", "Type", "Owner", "Table");
    // H2's PRIMARY_KEY_x and CONSTRAINT_x names become t_pkey, tags_id_key; H2's index for the
    // foreign key does not show (PostgreSQL makes none).
    assertThat(rows(a))
        .containsExactly(
            "public|t_pkey|index|alice|t",
            "public|tags_id_key|index|alice|tags",
            "public|u_a|index|alice|u",
            "public|u_b_uq|index|alice|u");
  }

  @Test
  void describeTableFollowsPsqlsQuerySequence() throws Exception {
    List<String> lookup = rows(answer("describe-1.sql"));
    assertThat(lookup).hasSize(1);
    assertThat(lookup.get(0)).endsWith("|public|t");
    String oid = lookup.get(0).split("\\|")[0];

    CatalogAnswer relation = answer("describe-2.sql", oid);
    assertThat(relation.columns()).hasSize(15);
    assertThat(rows(relation))
        .containsExactly("0|r|true|false|false|false|false|false|false||0||p|d|heap");

    CatalogAnswer columns = answer("describe-3.sql", oid);
    assertThat(names(columns.columns()))
        .containsExactly(
            "attname",
            "format_type",
            "pg_get_expr",
            "attnotnull",
            "attcollation",
            "attidentity",
            "attgenerated");
    assertThat(rows(columns))
        .containsExactly(
            "id|integer|null|true|null||",
            "name|character varying(20)|null|true|null||",
            "note|text|'x'::text|false|null||",
            "qty|bigint|null|false|null||");

    CatalogAnswer indexes = answer("describe-4.sql", oid);
    assertThat(indexes.columns()).hasSize(12);
    assertThat(rows(indexes))
        .containsExactly(
            "t_pkey|true|true|false|true"
                + "|CREATE UNIQUE INDEX t_pkey ON t USING btree (id)|PRIMARY KEY (id)|p"
                + "|false|false|false|0");

    for (int i = 5; i <= 9; i++) {
      CatalogAnswer empty = answer("describe-" + i + ".sql", oid);
      assertThat(empty).as("describe-%d", i).isNotNull();
      assertThat(empty.rows().get()).isEmpty();
    }
  }

  @Test
  void describeUnknownTableFindsNothing() throws Exception {
    String sql = fixture("describe-1.sql").replace("'^(t)$'", "'^(nosuch)$'");
    assertThat(rows(catalog.answer(sql))).isEmpty();
    assertThat(rows(answer("describe-2.sql", "99999"))).isEmpty();
  }

  @Test
  void listSchemasHidesInternalOnes() throws Exception {
    assertThat(rows(answer("list-schemas.sql")))
        .containsExactly("other|alice", "public|pg_database_owner");
  }

  @Test
  void listRolesIsTheSessionUser() throws Exception {
    assertThat(rows(answer("list-roles.sql")))
        .containsExactly("alice|true|true|false|false|true|-1|null|{}|false|false");
  }

  @Test
  void recognitionIgnoresLayoutButNotContent() throws Exception {
    String reflowed = fixture("list-tables.sql").replaceAll("\\s+", "\n   ") + " ;";
    assertThat(catalog.answer(reflowed)).isNotNull();
    // \dt+ asks for sizes and descriptions: not recognised, so it goes to H2 and fails there.
    String verbose =
        fixture("list-tables.sql")
            .replace(
                "as \"Owner\"",
                "as \"Owner\",\n  pg_catalog.pg_size_pretty(pg_catalog.pg_table_size(c.oid)) as \"Size\"");
    assertThat(catalog.answer(verbose)).isNull();
    assertThat(catalog.answer("SELECT relname FROM pg_catalog.pg_class")).isNull();
    assertThat(catalog.answer("SELECT * FROM t")).isNull();
  }

  @Test
  void sessionFunctions() throws Exception {
    CatalogAnswer v = catalog.answer("select version();");
    assertThat(names(v.columns())).containsExactly("version");
    assertThat((String) v.rows().get().get(0)[0])
        .startsWith("PostgreSQL 15.0 (distdb 0.1.0) on ")
        .endsWith(", compiled by javac 17, 64-bit");
    CatalogAnswer several =
        catalog.answer(
            "SELECT pg_catalog.version() AS v, current_database(), CURRENT_USER, session_user \"S\"");
    assertThat(names(several.columns()))
        .containsExactly("v", "current_database", "current_user", "S");
    assertThat(rows(several).get(0)).endsWith("|shop|alice|alice");
    assertThat(catalog.answer("select version() from t")).isNull();
    assertThat(catalog.answer("select upper(current_user)")).isNull();
    assertThat(catalog.answer("select username from users")).isNull();
  }

  private CatalogAnswer answer(String fixture) throws Exception {
    CatalogAnswer a = catalog.answer(fixture(fixture));
    assertThat(a).as(fixture).isNotNull();
    return a;
  }

  /** A describe follow-up with the oid the recorded session had (16387) replaced. */
  private CatalogAnswer answer(String fixture, String oid) throws Exception {
    CatalogAnswer a = catalog.answer(fixture(fixture).replace("'16387'", "'" + oid + "'"));
    assertThat(a).as(fixture).isNotNull();
    return a;
  }

  private static String fixture(String name) throws Exception {
    try (InputStream in =
        CatalogQueriesTest.class.getClassLoader().getResourceAsStream("psql-catalog/" + name)) {
      return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> names(List<Column> columns) {
    return columns.stream().map(Column::name).collect(Collectors.toList());
  }

  private static List<String> rows(CatalogAnswer a) throws Exception {
    return a.rows().get().stream()
        .map(r -> java.util.Arrays.stream(r).map(String::valueOf).collect(Collectors.joining("|")))
        .collect(Collectors.toList());
  }
}
