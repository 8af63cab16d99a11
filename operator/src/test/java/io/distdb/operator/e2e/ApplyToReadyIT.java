package io.distdb.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.distdb.operator.health.HealingPolicy;
import io.distdb.operator.naming.ResourceNames;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end without a cluster: the operator on the mock API server, {@link FakeKubernetes} running
 * a real db-node process per pod on its own loopback IP and a TCP proxy per Service. Apply a
 * database with 2 slaves, wait for Ready, write with pgjdbc through {@code shop-rw}, read the rows
 * through {@code shop-ro} (from each slave), and see a write through {@code shop-ro} refused with
 * 25006. Needs {@code db-node/target/db-node.jar} (system property {@code distdb.node.jar});
 * skipped without it.
 */
class ApplyToReadyIT {

  @TempDir Path data;

  @Test
  void applyReadyWriteThroughRwReadThroughRo() throws Exception {
    Path jar = E2eHarness.nodeJar().orElse(null);
    assumeTrue(jar != null, "no db-node jar: build db-node first (mvn package -pl db-node -am)");
    try (E2eHarness h = new E2eHarness(jar, data, HealingPolicy.DEFAULT, 3)) {
      String db = "shop";
      ResourceNames n = ResourceNames.of(db, E2eHarness.NAMESPACE);
      long start = System.nanoTime();
      h.apply(db, 2);
      h.awaitReady(db, Duration.ofMinutes(3)); // 10-50 s here, by the machine's load
      System.out.printf("e2e: apply -> Ready in %d ms%n", (System.nanoTime() - start) / 1_000_000);
      assertThat(h.get(db).getStatus().getCurrentMaster()).isEqualTo(n.masterPod());
      assertThat(h.get(db).getStatus().getReadyText()).isEqualTo("2/2");

      try (Connection rw = h.connect(db, n.readWriteService())) {
        rw.createStatement().execute("CREATE TABLE items (id INT PRIMARY KEY, name TEXT)");
        rw.createStatement().execute("INSERT INTO items VALUES (1, 'a'), (2, 'b')");
      }
      // each new connection to shop-ro goes to the next ready slave: both must have the rows
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(
              () ->
                  count(h, db, n.readOnlyService()) == 2 && count(h, db, n.readOnlyService()) == 2);
      for (int i = 0; i < 2; i++) {
        try (Connection slave = h.connectPod(db, n.slavePod(i));
            ResultSet rs = slave.createStatement().executeQuery("SELECT count(*) FROM items")) {
          rs.next();
          assertThat(rs.getLong(1)).as(n.slavePod(i)).isEqualTo(2);
        }
      }
      try (Connection ro = h.connect(db, n.readOnlyService())) {
        assertThatThrownBy(() -> ro.createStatement().execute("INSERT INTO items VALUES (3, 'c')"))
            .isInstanceOfSatisfying(
                SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25006"));
      }
      assertThat(h.awaitChecksumsEqual(db, Duration.ofSeconds(30))).hasSize(3);
      System.out.printf(
          "e2e: rows readable through %s %d ms after apply%n",
          n.readOnlyService(), (System.nanoTime() - start) / 1_000_000);
    }
  }

  private static long count(E2eHarness h, String db, String service) throws SQLException {
    try (Connection c = h.connect(db, service);
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM items")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
