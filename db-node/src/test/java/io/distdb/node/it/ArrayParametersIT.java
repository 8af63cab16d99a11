package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.testing.Cluster;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arrays bound as parameters the ways pgjdbc applications bind them ({@code setArray} of {@code
 * createArrayOf}, which travels as text typed int4[] / text[]; {@code setObject} of an {@code
 * Integer[]} or {@code Long[]}, which pgjdbc sends in binary), read back with {@code getArray} on
 * the master and on a slave. Each must store and return what PostgreSQL 15 does, and refuse what it
 * refuses with the same SQLSTATE.
 */
class ArrayParametersIT {

  @TempDir Path dir;

  @Test
  void arraysBoundAsParametersRoundTripLikePostgres() throws Exception {
    PostgresServer.assumeInstalled();
    try (PostgresServer pg = PostgresServer.start();
        Cluster cluster = Cluster.start(dir, 1)) {
      List<String> want;
      try (Connection c = pg.connect("postgres")) {
        want = write(c);
        want.addAll(read(c));
      }
      List<String> got;
      try (Connection c = InProcessNode.connect(cluster.master(), "distdb")) {
        got = write(c);
        got.addAll(read(c));
      }
      assertThat(want).contains("refused 22P02").contains("[1, 2, 3]");
      assertThat(got).isEqualTo(want);
      cluster.awaitConverged(Duration.ofSeconds(30));
      try (Connection c = InProcessNode.connect(cluster.slave(0), "distdb")) {
        assertThat(read(c)).isEqualTo(want.subList(want.size() - read(c).size(), want.size()));
      }
    }
  }

  private static List<String> write(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS ap");
      s.execute("CREATE TABLE ap (id int PRIMARY KEY, tags text[], n int[], big int8[])");
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO ap (id, tags, n, big) VALUES (?, ?, ?, ?)")) {
      ps.setInt(1, 1);
      ps.setArray(2, c.createArrayOf("text", new Object[] {"a b", null, "c,\"d\\", "NULL", ""}));
      ps.setArray(3, c.createArrayOf("int4", new Object[] {1, 2, 3}));
      ps.setObject(4, new Long[] {9_000_000_000L, null});
      out.add("inserted " + ps.executeUpdate());
      ps.setInt(1, 2);
      ps.setArray(2, c.createArrayOf("text", new Object[0]));
      ps.setObject(3, new Integer[] {7, null});
      ps.setNull(4, java.sql.Types.ARRAY);
      out.add("inserted " + ps.executeUpdate());
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE ap SET n = ? WHERE id = ?")) {
      ps.setArray(1, c.createArrayOf("int4", new Object[] {4, 5}));
      ps.setInt(2, 2);
      out.add("updated " + ps.executeUpdate());
      ps.setArray(1, c.createArrayOf("int4", new Object[] {"4", "x"}));
      out.add(refused(ps));
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO ap (id, n) VALUES (3, ?)")) {
      ps.setArray(1, c.createArrayOf("int4", new Object[] {"{1}"}));
      out.add(refused(ps));
    }
    return out;
  }

  private static List<String> read(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id, tags, n, big FROM ap WHERE id = ANY (?) ORDER BY id")) {
      ps.setArray(1, c.createArrayOf("int4", new Object[] {1, 2}));
      // Five runs: pgjdbc switches to a named statement and binary results after the fifth.
      for (int run = 0; run < 6; run++) {
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            StringBuilder row = new StringBuilder().append(rs.getInt(1));
            for (int i = 2; i <= 4; i++) {
              Array a = rs.getArray(i);
              row.append(" | ").append(rs.getString(i));
              row.append(" | ")
                  .append(a == null ? "null" : Arrays.toString((Object[]) a.getArray()));
            }
            out.add(row.toString());
          }
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT n FROM ap WHERE id = 1")) {
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        out.add(Arrays.toString((Object[]) rs.getArray(1).getArray()));
      }
    }
    return out;
  }

  private static String refused(PreparedStatement ps) {
    try {
      ps.executeUpdate();
      return "accepted";
    } catch (SQLException e) {
      return "refused " + e.getSQLState();
    }
  }
}
