package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.constraint;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.table;

import io.distdb.node.Node;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jOOQ (the newest release for Java 17 on Maven Central) in its PostgreSQL dialect, without code
 * generation: DDL from its DSL (an identity key, a unique and a foreign key), INSERT ... RETURNING,
 * ON CONFLICT DO UPDATE, a join with GROUP BY, UPDATE and DELETE, a transaction that rolls back,
 * and {@code DSLContext.meta()}, which reads the schema back through pgjdbc's DatabaseMetaData
 * (getTables, getColumns, getPrimaryKeys, getImportedKeys, getIndexInfo). The same scenario runs
 * against PostgreSQL 15; both must report the same.
 */
class JooqIT {

  private static final Table<Record> AUTHOR = table(name("jq_author"));
  private static final Table<Record> BOOK = table(name("jq_book"));
  private static final Field<Integer> ID = field(name("id"), Integer.class);
  private static final Field<String> NAME = field(name("name"), String.class);
  private static final Field<String> TITLE = field(name("title"), String.class);
  private static final Field<Integer> PAGES = field(name("pages"), Integer.class);
  private static final Field<Integer> AUTHOR_ID = field(name("author_id"), Integer.class);

  @TempDir Path dir;

  @Test
  void jooqRunsLikeOnPostgres() throws Exception {
    PostgresServer.assumeInstalled();
    try (PostgresServer pg = PostgresServer.start();
        Node node = InProcessNode.start(dir.resolve("data"))) {
      List<String> want;
      try (Connection c =
          DriverManager.getConnection(
              "jdbc:postgresql://127.0.0.1:" + pg.port() + "/postgres", "postgres", "")) {
        want = scenario(c);
      }
      List<String> got;
      try (Connection c = InProcessNode.connect(node, "distdb")) {
        got = scenario(c);
      }
      assertThat(want).contains("rolled back: 2 books", "table jq_book pk jq_book_pkey");
      assertThat(got).isEqualTo(want);
    }
  }

  private static List<String> scenario(Connection c) {
    DSLContext ctx = DSL.using(c, SQLDialect.POSTGRES);
    List<String> out = new ArrayList<>();
    ctx.createTable(AUTHOR)
        .column(ID, SQLDataType.INTEGER.identity(true))
        .column(NAME, SQLDataType.VARCHAR(100).notNull())
        .constraints(
            constraint(name("jq_author_pkey")).primaryKey(ID),
            constraint(name("jq_author_name_key")).unique(NAME))
        .execute();
    ctx.createTable(BOOK)
        .column(ID, SQLDataType.INTEGER.identity(true))
        .column(TITLE, SQLDataType.VARCHAR(200).notNull())
        .column(PAGES, SQLDataType.INTEGER)
        .column(AUTHOR_ID, SQLDataType.INTEGER.notNull())
        .constraints(
            constraint(name("jq_book_pkey")).primaryKey(ID),
            constraint(name("jq_book_author_fkey")).foreignKey(AUTHOR_ID).references(AUTHOR, ID))
        .execute();
    ctx.createIndex(name("jq_book_title")).on(BOOK, TITLE).execute();

    Integer ann =
        ctx.insertInto(AUTHOR, NAME).values("Ann").returningResult(ID).fetchOne().value1();
    Integer bob =
        ctx.insertInto(AUTHOR, NAME).values("Bob").returningResult(ID).fetchOne().value1();
    out.add("authors " + ann + " " + bob);
    int books =
        ctx.insertInto(BOOK, TITLE, PAGES, AUTHOR_ID)
            .values("Dune", 412, ann)
            .values("Emma", 300, ann)
            .values("Ubik", 202, bob)
            .execute();
    out.add("inserted " + books);
    int upserted =
        ctx.insertInto(AUTHOR, NAME)
            .values("Ann")
            .onConflict(NAME)
            .doUpdate()
            .set(NAME, DSL.concat(field(name("jq_author", "name"), String.class), DSL.inline("!")))
            .execute();
    out.add("upserted " + upserted);
    ctx.insertInto(AUTHOR, NAME).values("Bob").onConflictDoNothing().execute();
    for (Record r :
        ctx.select(NAME.as("author"), count().as("books"), sum(PAGES).as("pages"))
            .from(AUTHOR)
            .join(BOOK)
            .on(
                field(name("jq_book", "author_id"), Integer.class)
                    .eq(field(name("jq_author", "id"), Integer.class)))
            .groupBy(NAME)
            .orderBy(NAME)
            .fetch()) {
      out.add(r.get("author") + " " + r.get("books") + " " + r.get("pages"));
    }
    out.add("updated " + ctx.update(BOOK).set(PAGES, PAGES.plus(1)).where(PAGES.lt(400)).execute());
    out.add("deleted " + ctx.deleteFrom(BOOK).where(TITLE.eq("Ubik")).execute());
    try {
      ctx.transaction(
          tx -> {
            tx.dsl().deleteFrom(BOOK).execute();
            throw new IllegalStateException("roll back");
          });
    } catch (IllegalStateException expected) {
      out.add("rolled back: " + ctx.fetchCount(BOOK) + " books");
    }
    for (Record r : ctx.select(TITLE, PAGES).from(BOOK).orderBy(TITLE).fetch()) {
      out.add(r.get(TITLE) + " " + r.get(PAGES));
    }
    ctx.meta().getTables().stream()
        .filter(t -> t.getName().startsWith("jq_"))
        .sorted(Comparator.comparing(Table::getName))
        .forEach(
            t -> {
              out.add(
                  "table "
                      + t.getName()
                      + " pk "
                      + (t.getPrimaryKey() == null ? null : t.getPrimaryKey().getName()));
              for (Field<?> f : t.fields()) {
                out.add("  " + f.getName() + " " + f.getDataType().getTypeName());
              }
              t.getReferences().stream()
                  .map(k -> "  fk " + k.getName() + " -> " + k.getKey().getTable().getName())
                  .sorted()
                  .forEach(out::add);
              t.getIndexes().stream()
                  .map(i -> "  index " + i.getName() + " unique " + i.getUnique())
                  .sorted()
                  .forEach(out::add);
            });
    return out;
  }
}
