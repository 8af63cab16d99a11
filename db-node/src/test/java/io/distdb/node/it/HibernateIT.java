package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.Node;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.PostgresServer;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate ORM 6 (the newest 6.x on Maven Central) with pgjdbc and no configured dialect: it
 * detects PostgreSQL from the connection, creates the schema itself ({@code hbm2ddl create}: a
 * sequence, an identity column, a foreign key), and runs IDENTITY and SEQUENCE ids, JPQL with joins
 * and aggregates, pagination and {@code @Version} optimistic locking. The same scenario runs
 * against PostgreSQL 15; both must report the same.
 */
class HibernateIT {

  @TempDir Path dir;

  /** IDENTITY id, optimistic lock version. */
  @Entity(name = "Author")
  @Table(name = "hb_author")
  public static class Author {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String name;

    @Version int version;

    @OneToMany(mappedBy = "author")
    List<Book> books = new ArrayList<>();

    public Author() {}

    Author(String name) {
      this.name = name;
    }
  }

  /** SEQUENCE id (pooled, 50 per nextval). */
  @Entity(name = "Book")
  @Table(name = "hb_book")
  public static class Book {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "hb_book_seq")
    @SequenceGenerator(name = "hb_book_seq", sequenceName = "hb_book_seq", allocationSize = 50)
    Long id;

    String title;
    int pages;

    @ManyToOne Author author;

    public Book() {}

    Book(String title, int pages, Author author) {
      this.title = title;
      this.pages = pages;
      this.author = author;
      author.books.add(this);
    }
  }

  @Test
  void hibernateRunsLikeOnPostgres() throws Exception {
    PostgresServer.assumeInstalled();
    try (PostgresServer pg = PostgresServer.start();
        Node node = InProcessNode.start(dir.resolve("data"))) {
      List<String> want =
          scenario("jdbc:postgresql://127.0.0.1:" + pg.port() + "/postgres", "postgres", "");
      List<String> got =
          scenario(InProcessNode.url(node, "distdb"), InProcessNode.USER, InProcessNode.PASSWORD);
      assertThat(want).contains("dialect PostgreSQLDialect", "stale update refused");
      assertThat(got).isEqualTo(want);
    }
  }

  private static List<String> scenario(String url, String user, String password) {
    List<String> seen = new ArrayList<>();
    Configuration cfg =
        new Configuration()
            .setProperty("hibernate.connection.url", url)
            .setProperty("hibernate.connection.username", user)
            .setProperty("hibernate.connection.password", password)
            .setProperty("hibernate.connection.pool_size", "2")
            .setProperty("hibernate.hbm2ddl.auto", "create")
            .addAnnotatedClass(Author.class)
            .addAnnotatedClass(Book.class);
    try (SessionFactory sf = cfg.buildSessionFactory()) {
      seen.add(
          "dialect "
              + sf.unwrap(org.hibernate.engine.spi.SessionFactoryImplementor.class)
                  .getJdbcServices()
                  .getDialect()
                  .getClass()
                  .getSimpleName());
      long[] ids =
          sf.fromTransaction(
              s -> {
                Author ann = new Author("Ann");
                Author bob = new Author("Bob");
                s.persist(ann);
                s.persist(bob);
                s.persist(new Book("Alpha", 120, ann));
                s.persist(new Book("Beta", 300, ann));
                s.persist(new Book("Gamma", 80, bob));
                s.persist(new Book("Delta", 450, bob));
                return new long[] {ann.id, bob.id};
              });
      seen.add("identity ids " + ids[0] + " " + ids[1]);
      sf.inTransaction(
          s -> {
            seen.add(
                "sequence ids "
                    + s.createSelectionQuery("select b.id from Book b order by b.id", Long.class)
                        .getResultList());
            seen.add(
                "jpql filter "
                    + s.createSelectionQuery(
                            "select b.title from Book b where b.pages > :p order by b.title",
                            String.class)
                        .setParameter("p", 100)
                        .getResultList());
            seen.add(
                "jpql aggregate "
                    + s
                        .createSelectionQuery(
                            "select a.name, count(b), sum(b.pages) from Book b join b.author a"
                                + " group by a.name order by a.name",
                            Object[].class)
                        .getResultList()
                        .stream()
                        .map(r -> r[0] + "=" + r[1] + "/" + r[2])
                        .toList());
            seen.add(
                "page "
                    + s.createSelectionQuery(
                            "select b.title from Book b order by b.title", String.class)
                        .setFirstResult(1)
                        .setMaxResults(2)
                        .getResultList());
            Author ann =
                s.createSelectionQuery(
                        "select a from Author a join fetch a.books where a.name = :n", Author.class)
                    .setParameter("n", "Ann")
                    .getSingleResult();
            seen.add("join fetch " + ann.books.stream().map(b -> b.title).sorted().toList());
          });
      Author stale = sf.fromTransaction(s -> s.find(Author.class, ids[0]));
      sf.inTransaction(s -> s.find(Author.class, ids[0]).name = "Ann B.");
      seen.add(
          "version after update " + sf.fromTransaction(s -> s.find(Author.class, ids[0]).version));
      try {
        sf.inTransaction(
            s -> {
              stale.name = "lost update";
              s.merge(stale);
            });
        seen.add("stale update accepted");
      } catch (OptimisticLockException e) {
        seen.add("stale update refused");
      }
      int deleted =
          sf.fromTransaction(
              s -> s.createMutationQuery("delete from Book b where b.pages < 100").executeUpdate());
      seen.add("deleted " + deleted);
      seen.add(
          "count "
              + sf.fromTransaction(
                  s ->
                      s.createSelectionQuery("select count(b) from Book b", Long.class)
                          .getSingleResult()));
    }
    return seen;
  }
}
