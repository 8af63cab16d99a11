package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.distdb.node.Node;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.PostgresServer;
import io.distdb.node.testing.PsqlScript;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pg_dump 15 of a distdb database (schema only, and with data through COPY) restores with psql into
 * PostgreSQL 15 without an error, and the restored tables, view and sequences hold what distdb
 * holds. The dumps are made with {@code --no-owner}: the reference server has no role named as
 * distdb's user.
 */
class PgDumpIT {

  private static final Path PG_DUMP = Path.of("/usr/bin/pg_dump");
  private static final List<String> RELATIONS = List.of("authors", "posts", "active_authors");

  @TempDir Path dir;

  @Test
  void dumpOfDistdbRestoresIntoPostgresWithEqualContents() throws Exception {
    assumeTrue(Files.isExecutable(PG_DUMP), "pg_dump is not installed (postgresql-client)");
    PsqlScript.assumePsql();
    PostgresServer.assumeInstalled();
    Files.write(dir.resolve("schema.sql"), resource("pgdump/schema.sql"));
    try (PostgresServer pg = PostgresServer.start();
        Node node = InProcessNode.start(dir.resolve("data"))) {
      int dd = node.pgPort();
      assertOk(psql(dd, InProcessNode.USER, "distdb", "-f", "schema.sql"));

      Result schemaOnly = pgDump(dd, "--schema-only", "--no-owner", "-f", "schema.dump");
      assertOk(schemaOnly);
      assertOk(psql(pg.port(), "postgres", "postgres", "-c", "CREATE DATABASE schemaonly"));
      assertOk(psql(pg.port(), "postgres", "schemaonly", "-f", "schema.dump"));
      String columns =
          "SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision,"
              + " numeric_scale, is_nullable FROM information_schema.columns"
              + " WHERE table_schema = 'public' ORDER BY 1, 2";
      assertThat(query(pg.port(), "postgres", "schemaonly", columns).output())
          .isEqualTo(query(dd, InProcessNode.USER, "distdb", columns).output())
          .contains("posts|tags|ARRAY");

      assertOk(pgDump(dd, "--no-owner", "-f", "full.dump"));
      String dump = Files.readString(dir.resolve("full.dump"));
      assertThat(dump)
          .contains("COPY public.posts (id, author_id, title, body, price, meta, uid, data, tags")
          .contains("FOREIGN KEY (author_id) REFERENCES authors(id) ON DELETE CASCADE")
          .contains("CONSTRAINT posts_price_check CHECK")
          .contains("CREATE UNIQUE INDEX posts_uid_idx ON public.posts USING btree (uid)")
          .contains("CREATE VIEW public.active_authors AS")
          .contains("COMMENT ON COLUMN public.authors.name IS 'full name'")
          .contains("SELECT pg_catalog.setval('public.ticket_seq', 100, true)");
      assertOk(psql(pg.port(), "postgres", "postgres", "-c", "CREATE DATABASE restored"));
      assertOk(psql(pg.port(), "postgres", "restored", "-f", "full.dump"));
      for (String relation : RELATIONS) {
        String all = "SELECT * FROM " + relation + " ORDER BY 1";
        Result want = query(dd, InProcessNode.USER, "distdb", all);
        assertOk(want);
        assertThat(query(pg.port(), "postgres", "restored", all).output())
            .as(relation)
            .isEqualTo(want.output());
      }
      String sequences =
          "SELECT nextval('authors_id_seq'), nextval('posts_id_seq'), nextval('ticket_seq')";
      assertThat(query(pg.port(), "postgres", "restored", sequences).output())
          .isEqualTo("4|4|101\n");
      // Views are dumped in PostgreSQL's deparsed text: PostgreSQL's own dump of the restored
      // database prints them alike.
      Result again = pgDumpFrom(pg.port(), "restored", "--schema-only", "--no-owner");
      assertOk(again);
      assertThat(views(dump)).isEqualTo(views(again.output())).isNotEmpty();
      // The restored foreign key cascades as distdb's does.
      assertOk(psql(pg.port(), "postgres", "restored", "-c", "DELETE FROM authors WHERE id = 1"));
      assertThat(query(pg.port(), "postgres", "restored", "SELECT count(*) FROM posts").output())
          .isEqualTo("1\n");
    }
  }

  private record Result(String output, int exitCode) {}

  private static void assertOk(Result r) {
    assertThat(r.exitCode()).as(r.output()).isZero();
  }

  private Result pgDump(int port, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                PG_DUMP.toString(),
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(port),
                "-U",
                InProcessNode.USER));
    command.addAll(List.of(args));
    command.add("distdb");
    return run(command);
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

  private Result pgDumpFrom(int port, String database, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(PG_DUMP.toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U"));
    command.add("postgres");
    command.addAll(List.of(args));
    command.add(database);
    return run(command);
  }

  private Result psql(int port, String user, String database, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "psql",
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(port),
                "-U",
                user,
                "-d",
                database));
    command.addAll(List.of(args));
    return run(command);
  }

  private Result query(int port, String user, String database, String sql) throws Exception {
    return psql(port, user, database, "-At", "-c", sql);
  }

  private Result run(List<String> command) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", InProcessNode.PASSWORD);
    pb.environment().put("PGCONNECT_TIMEOUT", "10");
    pb.environment().put("PGTZ", "UTC");
    Process p = pb.start();
    String output;
    try (InputStream in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(command.get(0) + " did not finish in 120 s:\n" + output);
    }
    return new Result(output, p.exitValue());
  }

  private static byte[] resource(String name) throws Exception {
    try (InputStream in = PgDumpIT.class.getClassLoader().getResourceAsStream(name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    }
  }
}
