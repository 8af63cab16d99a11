package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.Node;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PGobject;

/**
 * JSON documents bound as parameters, the ways pgjdbc applications bind them: a {@code PGobject}
 * typed jsonb or json, a string cast with {@code ?::jsonb}, and a string bound as unspecified
 * ({@code stringtype=unspecified}) into a jsonb column. Each way must store and return what
 * PostgreSQL 15 stores and returns.
 */
class JsonParametersIT {

  @TempDir Path dir;

  @Test
  void documentsBoundAsParametersRoundTripLikePostgres() throws Exception {
    PostgresServer.assumeInstalled();
    try (PostgresServer pg = PostgresServer.start();
        Node node = InProcessNode.start(dir.resolve("data"))) {
      List<String> want;
      try (Connection c = pg.connect("postgres")) {
        want = run(c);
      }
      List<String> got;
      try (Connection c = InProcessNode.connect(node, "distdb")) {
        got = run(c);
      }
      assertThat(want).hasSize(5).last().isEqualTo("refused 22P02");
      assertThat(got).isEqualTo(want);
    }
  }

  private static List<String> run(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS jp");
      s.execute("CREATE TABLE jp (id int PRIMARY KEY, doc jsonb, raw json)");
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO jp (id, doc, raw) VALUES (?, ?, ?)")) {
      ps.setInt(1, 1);
      ps.setObject(2, json("jsonb", "{\"b\": [1, 2], \"a\": {\"x\": null}, \"a\": 2}"));
      ps.setObject(3, json("json", "{\"b\": 1, \"a\": 2}"));
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO jp (id, doc) VALUES (?, ?::jsonb)")) {
      ps.setInt(1, 2);
      ps.setString(2, "[\"x\", 1.50, true]");
      ps.executeUpdate();
    }
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id, doc, raw FROM jp WHERE doc @> ? ORDER BY id")) {
      ps.setObject(1, json("jsonb", "{\"a\": 2}"));
      collect(ps, out);
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT doc ->> ?, doc -> 'b' -> 1, doc ?? 'b' FROM jp WHERE id = ?")) {
      ps.setString(1, "a");
      ps.setInt(2, 1);
      collect(ps, out);
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT id, doc FROM jp ORDER BY id")) {
      collect(ps, out);
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO jp (id, doc) VALUES (?, ?)")) {
      ps.setInt(1, 3);
      ps.setObject(2, json("jsonb", "{not json"));
      ps.executeUpdate();
      out.add("accepted bad json");
    } catch (SQLException e) {
      out.add("refused " + e.getSQLState());
    }
    return out;
  }

  private static PGobject json(String type, String value) throws SQLException {
    PGobject o = new PGobject();
    o.setType(type);
    o.setValue(value);
    return o;
  }

  private static void collect(PreparedStatement ps, List<String> out) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(rs.getMetaData().getColumnTypeName(i))
              .append('=')
              .append(rs.getString(i))
              .append(' ');
        }
        out.add(row.toString());
      }
    }
  }
}
