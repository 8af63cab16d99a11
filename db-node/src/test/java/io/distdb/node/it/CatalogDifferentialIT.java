package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.testing.Cluster;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.PostgresServer;
import io.distdb.node.testing.ProtocolResult;
import io.distdb.node.testing.ProtocolRunner;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog queries real clients send, recorded from PostgreSQL 15 with {@code log_statement=all}
 * ({@code catalog/<client>-queries.sql}: pgjdbc's DatabaseMetaData, SQLAlchemy's reflection,
 * Django's introspection), run on PostgreSQL 15, on a distdb master and on its slave (as the
 * read-only engine user) after the same schema ({@code catalog/schema.sql}): labels, rows (text
 * format) and SQLSTATE must be equal, or the difference listed in {@code
 * catalog/<client>-expected-differences.txt} with its reason; a listed difference that no longer
 * occurs fails the test too. OIDs differ between the servers: a recorded table OID is written
 * {@code {oid:name}} and each server gets its own, and no compared column holds an OID.
 */
class CatalogDifferentialIT {

  private static final List<String> ASPECTS = List.of("labels", "rows", "sqlstate");
  private static final List<String> CLIENTS =
      List.of(
          "pgjdbc", "sqlalchemy", "django", "internals", "views", "infoschema", "tools", "asyncpg");
  private static final String DATABASE = "cat";
  private static final Pattern OID = Pattern.compile("\\{oid:(\\w+)}");

  @TempDir Path dir;

  @Test
  void recordedCatalogQueriesAnswerLikePostgres() throws Exception {
    PostgresServer.assumeInstalled();
    Set<String> seen = new LinkedHashSet<>();
    Map<String, String> expected = new LinkedHashMap<>();
    List<String> unexpected = new ArrayList<>();
    try (PostgresServer pg = PostgresServer.start();
        Cluster cluster = Cluster.start(dir, 1)) {
      create(pg.connect("postgres"));
      create(InProcessNode.connect(cluster.master(), "distdb"));
      try (ProtocolRunner reference = new ProtocolRunner(pg.connect(DATABASE));
          ProtocolRunner master =
              new ProtocolRunner(InProcessNode.connect(cluster.master(), DATABASE))) {
        for (String statement : schema()) {
          assertThat(reference.run(statement, true).failed()).as(statement).isFalse();
          assertThat(master.run(statement, true).failed()).as(statement).isFalse();
        }
        cluster.awaitConverged(Duration.ofSeconds(30));
        try (ProtocolRunner slave =
            new ProtocolRunner(InProcessNode.connect(cluster.slave(0), DATABASE))) {
          for (String client : CLIENTS) {
            Map<String, String> corpus =
                entries(
                    PostgresDifferentialIT.resource("catalog/" + client + "-queries.sql"), client);
            expected.putAll(
                prefixed(
                    client,
                    PostgresDifferentialIT.expectedDifferences(
                        PostgresDifferentialIT.resource(
                            "catalog/" + client + "-expected-differences.txt"))));
            for (Map.Entry<String, String> e : corpus.entrySet()) {
              ProtocolResult want = reference.run(withOids(e.getValue(), reference), false);
              assertThat(want.failed()).as(e.getKey() + " on PostgreSQL").isFalse();
              want = namedOids(want, reference);
              for (boolean onSlave : new boolean[] {false, true}) {
                ProtocolRunner node = onSlave ? slave : master;
                ProtocolResult got = namedOids(node.run(withOids(e.getValue(), node), false), node);
                boolean ordered = e.getValue().toLowerCase(Locale.ROOT).contains("order by");
                for (String aspect : ASPECTS) {
                  Object w = aspect(want, aspect, ordered);
                  Object g = aspect(got, aspect, ordered);
                  if (Objects.equals(w, g)) {
                    continue;
                  }
                  String key = e.getKey() + " | " + aspect;
                  if (expected.containsKey(key)) {
                    seen.add(key);
                  } else {
                    unexpected.add(
                        (onSlave ? "[slave] " : "[master] ")
                            + key
                            + "\n    postgres: "
                            + w
                            + "\n    distdb:   "
                            + g);
                  }
                }
              }
            }
          }
          // The master is not in recovery, as the reference; a slave is.
          assertThat(master.run("SELECT pg_is_in_recovery()", true).rows())
              .isEqualTo(List.of(List.of("f")));
          assertThat(slave.run("SELECT pg_is_in_recovery()", true).rows())
              .isEqualTo(List.of(List.of("t")));
        }
      }
    }
    Set<String> stale = new LinkedHashSet<>(expected.keySet());
    stale.removeAll(seen);
    assertThat(unexpected).as("differences not in the expected-differences files").isEmpty();
    assertThat(stale).as("expected differences that no longer occur").isEmpty();
  }

  /** {@code catalog/schema.sql}: one statement a line, comments apart. */
  static List<String> schema() throws Exception {
    return PostgresDifferentialIT.resource("catalog/schema.sql")
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("--"))
        .map(l -> l.substring(0, l.length() - 1))
        .toList();
  }

  /** The query with each {@code {oid:name}} replaced by that table's OID on this server. */
  private static String withOids(String sql, ProtocolRunner server) throws Exception {
    Matcher m = OID.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      ProtocolResult r =
          server.run(
              "SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
                  + " ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = '"
                  + m.group(1)
                  + "'",
              true);
      assertThat(r.rows()).as("OID of " + m.group(1)).hasSize(1);
      m.appendReplacement(out, r.rows().get(0).get(0));
    }
    return m.appendTail(out).toString();
  }

  /** The result with every value that is the OID of a table, index or sequence as {oid:name}. */
  private static ProtocolResult namedOids(ProtocolResult r, ProtocolRunner server)
      throws Exception {
    if (r.rows() == null || r.rows().isEmpty()) {
      return r;
    }
    Map<String, String> names = new LinkedHashMap<>();
    ProtocolResult oids =
        server.run(
            "SELECT c.oid, c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = 'public'",
            true);
    for (List<String> row : oids.rows()) {
      names.put(row.get(0), "{oid:" + row.get(1) + "}");
    }
    List<List<String>> rows = new ArrayList<>();
    for (List<String> row : r.rows()) {
      rows.add(row.stream().map(v -> v == null ? null : names.getOrDefault(v, v)).toList());
    }
    return new ProtocolResult(r.tag(), r.labels(), r.typeOids(), rows, r.sqlState());
  }

  private static Map<String, String> prefixed(String client, Map<String, String> differences) {
    Map<String, String> out = new LinkedHashMap<>();
    differences.forEach((k, v) -> out.put(client + " " + k, v));
    return out;
  }

  /**
   * Rows of a query without ORDER BY compare as a sorted list: neither server promises an order.
   */
  private static Object aspect(ProtocolResult r, String aspect, boolean ordered) {
    return switch (aspect) {
      case "labels" -> r.labels();
      case "rows" -> ordered ? r.rows() : sorted(r.rows());
      case "sqlstate" -> r.sqlState();
      default -> throw new IllegalArgumentException(aspect);
    };
  }

  private static List<String> sorted(List<List<String>> rows) {
    return rows.stream().map(String::valueOf).sorted().toList();
  }

  private static void create(Connection c) throws Exception {
    try (c;
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + DATABASE);
    }
  }

  /** "-- name" line, then one statement ended by ';' at a line's end; names made unique. */
  private static Map<String, String> entries(String text, String client) {
    Map<String, String> out = new LinkedHashMap<>();
    String name = null;
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("-- ")) {
        name = trimmed.substring(3);
      } else if (!trimmed.isEmpty() && name != null) {
        String key = client + " " + name;
        for (int i = 2; out.containsKey(key); i++) {
          key = name + " " + i;
        }
        out.put(key, trimmed.substring(0, trimmed.length() - 1));
        name = null;
      }
    }
    return out;
  }
}
