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
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog queries pgjdbc sends ({@code catalog/pgjdbc-queries.sql}, recorded from PostgreSQL
 * 15) run on PostgreSQL 15, on a distdb master and on its slave (as the read-only engine user)
 * after the same schema: labels, rows (text format) and SQLSTATE must be equal, or the difference
 * listed in {@code catalog/expected-differences.txt} with its reason; a listed difference that no
 * longer occurs fails the test too.
 */
class CatalogDifferentialIT {

  private static final List<String> ASPECTS = List.of("labels", "rows", "sqlstate");
  private static final String DATABASE = "cat";

  @TempDir Path dir;

  @Test
  void pgjdbcCatalogQueriesAnswerLikePostgres() throws Exception {
    PostgresServer.assumeInstalled();
    Map<String, String> corpus =
        entries(PostgresDifferentialIT.resource("catalog/pgjdbc-queries.sql"));
    Map<String, String> expected =
        PostgresDifferentialIT.expectedDifferences(
            PostgresDifferentialIT.resource("catalog/expected-differences.txt"));
    Set<String> seen = new LinkedHashSet<>();
    List<String> unexpected = new ArrayList<>();
    try (PostgresServer pg = PostgresServer.start();
        Cluster cluster = Cluster.start(dir, 1)) {
      create(pg.connect("postgres"));
      create(InProcessNode.connect(cluster.master(), "distdb"));
      try (ProtocolRunner reference = new ProtocolRunner(pg.connect(DATABASE));
          ProtocolRunner master =
              new ProtocolRunner(InProcessNode.connect(cluster.master(), DATABASE))) {
        for (Map.Entry<String, String> e : corpus.entrySet()) {
          if (e.getKey().startsWith("schema")) {
            assertThat(reference.run(e.getValue(), true).failed()).isFalse();
            assertThat(master.run(e.getValue(), true).failed()).isFalse();
          }
        }
        cluster.awaitConverged(Duration.ofSeconds(30));
        try (ProtocolRunner slave =
            new ProtocolRunner(InProcessNode.connect(cluster.slave(0), DATABASE))) {
          for (Map.Entry<String, String> e : corpus.entrySet()) {
            if (e.getKey().startsWith("schema")) {
              continue;
            }
            ProtocolResult want = reference.run(e.getValue(), false);
            assertThat(want.failed()).as(e.getKey() + " on PostgreSQL").isFalse();
            for (boolean onSlave : new boolean[] {false, true}) {
              ProtocolResult got = (onSlave ? slave : master).run(e.getValue(), false);
              boolean ordered =
                  e.getValue().toLowerCase(java.util.Locale.ROOT).contains("order by");
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
      }
    }
    Set<String> stale = new LinkedHashSet<>(expected.keySet());
    stale.removeAll(seen);
    assertThat(unexpected).as("differences not in expected-differences.txt").isEmpty();
    assertThat(stale).as("expected differences that no longer occur").isEmpty();
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
  private static Map<String, String> entries(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    String name = null;
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("-- ")) {
        name = trimmed.substring(3);
      } else if (!trimmed.isEmpty() && name != null) {
        String key = name;
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
