package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.Node;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.PgTools;
import io.distdb.node.testing.PgTools.Result;
import io.distdb.node.testing.PostgresServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pg_dump 15 of a distdb database (schema only, and with data through COPY) restores with psql into
 * PostgreSQL 15 without an error, and the restored tables, view and sequences hold what distdb
 * holds. The dumps are made with {@code --no-owner}: the reference server has no role named as
 * distdb's user.
 */
class PgDumpIT {

  private static final List<String> RELATIONS = List.of("authors", "posts", "active_authors");

  @TempDir Path dir;

  @Test
  void dumpOfDistdbRestoresIntoPostgresWithEqualContents() throws Exception {
    PgTools.assumeInstalled();
    PostgresServer.assumeInstalled();
    Files.write(dir.resolve("schema.sql"), resource("pgdump/schema.sql"));
    try (PostgresServer pg = PostgresServer.start();
        Node node = InProcessNode.start(dir.resolve("data"))) {
      PgTools tools = new PgTools(dir);
      int dd = node.pgPort();
      assertOk(tools.psql(dd, InProcessNode.USER, "distdb", "-f", "schema.sql"));

      Result schemaOnly =
          tools.pgDump(
              dd, InProcessNode.USER, "distdb", "--schema-only", "--no-owner", "-f", "schema.dump");
      assertOk(schemaOnly);
      assertOk(tools.psql(pg.port(), "postgres", "postgres", "-c", "CREATE DATABASE schemaonly"));
      assertOk(tools.psql(pg.port(), "postgres", "schemaonly", "-f", "schema.dump"));
      String columns =
          "SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision,"
              + " numeric_scale, is_nullable FROM information_schema.columns"
              + " WHERE table_schema = 'public' ORDER BY 1, 2";
      assertThat(tools.query(pg.port(), "postgres", "schemaonly", columns).output())
          .isEqualTo(tools.query(dd, InProcessNode.USER, "distdb", columns).output())
          .contains("posts|tags|ARRAY");

      assertOk(tools.pgDump(dd, InProcessNode.USER, "distdb", "--no-owner", "-f", "full.dump"));
      String dump = Files.readString(dir.resolve("full.dump"));
      assertThat(dump)
          .contains("COPY public.posts (id, author_id, title, body, price, meta, uid, data, tags")
          .contains("FOREIGN KEY (author_id) REFERENCES authors(id) ON DELETE CASCADE")
          .contains("CONSTRAINT posts_price_check CHECK")
          .contains("CREATE UNIQUE INDEX posts_uid_idx ON public.posts USING btree (uid)")
          .contains("CREATE VIEW public.active_authors AS")
          .contains("COMMENT ON COLUMN public.authors.name IS 'full name'")
          .contains("SELECT pg_catalog.setval('public.ticket_seq', 100, true)");
      assertOk(tools.psql(pg.port(), "postgres", "postgres", "-c", "CREATE DATABASE restored"));
      assertOk(tools.psql(pg.port(), "postgres", "restored", "-f", "full.dump"));
      for (String relation : RELATIONS) {
        String all = "SELECT * FROM " + relation + " ORDER BY 1";
        Result want = tools.query(dd, InProcessNode.USER, "distdb", all);
        assertOk(want);
        assertThat(tools.query(pg.port(), "postgres", "restored", all).output())
            .as(relation)
            .isEqualTo(want.output());
      }
      String sequences =
          "SELECT nextval('authors_id_seq'), nextval('posts_id_seq'), nextval('ticket_seq')";
      assertThat(tools.query(pg.port(), "postgres", "restored", sequences).output())
          .isEqualTo("4|4|101\n");
      // Views are dumped in PostgreSQL's deparsed text: PostgreSQL's own dump of the restored
      // database prints them alike.
      Result again = tools.pgDump(pg.port(), "postgres", "restored", "--schema-only", "--no-owner");
      assertOk(again);
      assertThat(views(dump)).isEqualTo(views(again.output())).isNotEmpty();
      // The restored foreign key cascades as distdb's does.
      assertOk(
          tools.psql(pg.port(), "postgres", "restored", "-c", "DELETE FROM authors WHERE id = 1"));
      assertThat(
              tools.query(pg.port(), "postgres", "restored", "SELECT count(*) FROM posts").output())
          .isEqualTo("1\n");
    }
  }

  private static void assertOk(Result r) {
    assertThat(r.exitCode()).as(r.output()).isZero();
  }

  /** The CREATE VIEW statements of a plain dump, in order. */
  private static List<String> views(String dump) {
    List<String> out = new ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?s)CREATE VIEW .*?;\n").matcher(dump);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static byte[] resource(String name) throws Exception {
    try (InputStream in = PgDumpIT.class.getClassLoader().getResourceAsStream(name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    }
  }
}
