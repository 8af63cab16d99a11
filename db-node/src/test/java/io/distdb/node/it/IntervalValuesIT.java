package io.distdb.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.node.testing.Cluster;
import io.distdb.node.testing.InProcessNode;
import io.distdb.node.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PGInterval;

/**
 * Intervals as applications write them: pgjdbc's {@code PGInterval} parameters (typed interval,
 * sent as {@code 0 years 0 mons 2 days ...}) and string literals into an interval column; read back
 * as text and as {@code PGInterval}, on the master and on a slave, equal to PostgreSQL 15's.
 */
class IntervalValuesIT {

  @TempDir Path dir;

  @Test
  void intervalsRoundTripLikePostgres() throws Exception {
    PostgresServer.assumeInstalled();
    try (PostgresServer pg = PostgresServer.start();
        Cluster cluster = Cluster.start(dir, 1)) {
      List<String> want;
      try (Connection c = pg.connect("postgres")) {
        write(c);
        want = read(c);
      }
      try (Connection c = InProcessNode.connect(cluster.master(), "distdb")) {
        write(c);
        assertThat(read(c)).isEqualTo(want);
      }
      assertThat(want).contains("5|00:05:00|5 mins", "longer than an hour: 3");
      cluster.awaitConverged(Duration.ofSeconds(30));
      try (Connection c = InProcessNode.connect(cluster.slave(0), "distdb")) {
        assertThat(read(c)).isEqualTo(want);
      }
    }
  }

  private static void write(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS iv");
      s.execute("CREATE TABLE iv (id int PRIMARY KEY, d interval)");
      s.execute("INSERT INTO iv VALUES (1, '5 minutes'), (2, '2 days 03:00:00'), (3, NULL)");
      s.execute("UPDATE iv SET d = '1 week' WHERE id = 3");
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO iv VALUES (?, ?)")) {
      ps.setInt(1, 4);
      ps.setObject(2, new PGInterval(0, 0, 2, 3, 0, 0));
      ps.executeUpdate();
      ps.setInt(1, 5);
      ps.setObject(2, new PGInterval("5 minutes"));
      ps.executeUpdate();
    }
  }

  private static List<String> read(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, d FROM iv ORDER BY id")) {
      while (rs.next()) {
        out.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getObject(2, PGInterval.class));
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM iv WHERE d > ?")) {
      ps.setObject(1, new PGInterval("1 hour"));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        out.add("longer than an hour: " + rs.getLong(1));
      }
    }
    return out;
  }
}
