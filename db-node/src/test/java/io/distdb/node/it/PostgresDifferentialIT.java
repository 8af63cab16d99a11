package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.Node;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.PostgresServer;
import io.distdb.node.testing.ProtocolResult;
import io.distdb.node.testing.ProtocolRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
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
 * Runs {@code dialect/corpus.sql} on a real PostgreSQL 15 and on a distdb node and compares what
 * each server answered to each statement: command tag, column labels, type OIDs, rows (text format)
 * and SQLSTATE, and for constraint violations the error's message, detail and object fields. A
 * difference must be listed in {@code dialect/expected-differences.txt} with its reason; a listed
 * difference that no longer occurs fails the test too.
 */
class PostgresDifferentialIT {

  private static final List<String> ASPECTS =
      List.of("tag", "labels", "oids", "rows", "sqlstate", "error");

  /**
   * The error fields compared for integrity constraint violations (class 23), which ORMs read:
   * message, detail, schema, table, column, constraint.
   */
  private static final String CONSTRAINT_ERROR_FIELDS = "MDstcn";

  @TempDir Path dir;

  @Test
  void corpusAnswersLikePostgres() throws Exception {
    PostgresServer.assumeInstalled();
    List<String> corpus = statements(resource("dialect/corpus.sql"));
    Map<String, String> expected =
        expectedDifferences(resource("dialect/expected-differences.txt"));
    Set<String> seen = new LinkedHashSet<>();
    List<String> unexpected = new ArrayList<>();
    try (PostgresServer pg = PostgresServer.start();
        Node node = InProcessNode.start(dir.resolve("data"))) {
      createDatabase(pg.connect("postgres"));
      createDatabase(InProcessNode.connect(node, "distdb"));
      for (boolean simple : new boolean[] {true, false}) {
        try (ProtocolRunner reference = new ProtocolRunner(pg.connect("diff"));
            ProtocolRunner distdb = new ProtocolRunner(InProcessNode.connect(node, "diff"))) {
          for (String sql : corpus) {
            ProtocolResult want = reference.run(sql, simple);
            ProtocolResult got = distdb.run(sql, simple);
            for (String aspect : ASPECTS) {
              Object w = aspect(want, aspect);
              Object g = aspect(got, aspect);
              if (Objects.equals(w, g)) {
                continue;
              }
              String key = aspect + " | " + sql;
              if (expected.containsKey(key)) {
                seen.add(key);
              } else {
                unexpected.add(
                    (simple ? "[simple] " : "[extended] ")
                        + key
                        + "\n    postgres: "
                        + w
                        + "\n    distdb:   "
                        + g);
              }
            }
          }
        }
        dropDatabase(pg.connect("postgres"));
        dropDatabase(InProcessNode.connect(node, "distdb"));
        createDatabase(pg.connect("postgres"));
        createDatabase(InProcessNode.connect(node, "distdb"));
      }
    }
    Set<String> stale = new LinkedHashSet<>(expected.keySet());
    stale.removeAll(seen);
    assertThat(unexpected).as("differences not in expected-differences.txt").isEmpty();
    assertThat(stale).as("expected differences that no longer occur").isEmpty();
  }

  private static Object aspect(ProtocolResult r, String aspect) {
    return switch (aspect) {
      case "tag" -> r.failed() ? null : r.tag();
      case "labels" -> r.labels();
      case "oids" -> r.typeOids().stream().map(PostgresDifferentialIT::builtinOrUser).toList();
      case "rows" -> r.rows();
      case "sqlstate" -> r.sqlState();
      case "error" -> constraintError(r);
      default -> throw new IllegalArgumentException(aspect);
    };
  }

  /**
   * A built-in type's OID as it is; a user type's (an enum's, 16384 and up) only as "user": each
   * server assigns its own (PostgreSQL the next free OID, distdb a hash of the name).
   */
  private static Object builtinOrUser(Integer oid) {
    return oid != null && oid >= 16384 ? "user" : oid;
  }

  /** The fields of a class 23 error, or null (other errors are compared by SQLSTATE only). */
  private static Map<Character, String> constraintError(ProtocolResult r) {
    if (r.sqlState() == null || !r.sqlState().startsWith("23")) {
      return null;
    }
    Map<Character, String> fields = new LinkedHashMap<>();
    for (char code : CONSTRAINT_ERROR_FIELDS.toCharArray()) {
      if (r.errorFields().containsKey(code)) {
        fields.put(code, r.errorFields().get(code));
      }
    }
    return fields;
  }

  private static void createDatabase(Connection c) throws Exception {
    try (c;
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE diff");
    }
  }

  private static void dropDatabase(Connection c) throws Exception {
    try (c;
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE diff");
    }
  }

  /** Statements of the corpus: '--' comment lines dropped, each ended by ';' at a line's end. */
  static List<String> statements(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      if (!current.isEmpty()) {
        current.append(' ');
      }
      current.append(trimmed);
      if (trimmed.endsWith(";")) {
        current.setLength(current.length() - 1);
        out.add(current.toString());
        current.setLength(0);
      }
    }
    return out;
  }

  /**
   * {@code a | b} → reason, from lines {@code a | b | reason} ({@code aspect | statement} here,
   * {@code name | aspect} for CatalogDifferentialIT); {@code #} lines are comments.
   */
  static Map<String, String> expectedDifferences(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(" \\| ", 3);
      if (parts.length != 3 || parts[2].isBlank()) {
        throw new IllegalArgumentException("expected ASPECT | STATEMENT | REASON: " + line);
      }
      out.put(parts[0].strip() + " | " + parts[1].strip(), parts[2].strip());
    }
    return out;
  }

  static String resource(String name) throws IOException {
    try (InputStream in = PostgresDifferentialIT.class.getClassLoader().getResourceAsStream(name)) {
      return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
