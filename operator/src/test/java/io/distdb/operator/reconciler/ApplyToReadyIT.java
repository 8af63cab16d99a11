package io.distdb.operator.reconciler;

import static io.distdb.operator.reconciler.MockCluster.NAMESPACE;
import static io.distdb.operator.reconciler.MockCluster.condition;
import static io.distdb.operator.reconciler.MockCluster.database;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.distdb.operator.naming.ResourceNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end without a cluster: the operator on the mock API server, {@link FakeKubelet} running a
 * real db-node process per pod on its own loopback IP. Apply a database with 2 slaves, wait for
 * Ready, write through the master (the rw Service's pod) and read the rows on a slave (the ro
 * Service's pods). Needs {@code db-node/target/db-node.jar} (system property {@code
 * distdb.node.jar}); skipped without it.
 */
class ApplyToReadyIT {

  @TempDir Path data;

  @Test
  void applyReadyWriteOnMasterReadOnSlave() throws Exception {
    Path jar = Path.of(System.getProperty("distdb.node.jar", "../db-node/target/db-node.jar"));
    assumeTrue(Files.isReadable(jar), "no db-node jar at " + jar + ": build db-node first");
    try (MockCluster cluster = new MockCluster();
        FakeKubelet kubelet = new FakeKubelet(cluster.client, NAMESPACE, jar, data)) {
      String db = "shop";
      ResourceNames n = ResourceNames.of(db, NAMESPACE);
      long start = System.nanoTime();
      cluster.create(database(db, 2));
      Awaitility.await()
          .atMost(Duration.ofSeconds(90))
          .ignoreExceptions()
          .until(() -> "True".equals(condition(cluster.get(db), "Ready").getStatus()));
      System.out.printf("e2e: apply -> Ready in %d ms%n", (System.nanoTime() - start) / 1_000_000);
      var secret =
          cluster
              .client
              .secrets()
              .inNamespace(NAMESPACE)
              .withName(n.defaultCredentialsSecret())
              .get();
      // the mock keeps stringData as given (a real API server turns it into data)
      String user = value(secret, "username");
      String password = value(secret, "password");
      try (Connection rw = connect(kubelet.ip(n.masterPod()), user, password)) {
        rw.createStatement().execute("CREATE TABLE items (id INT PRIMARY KEY, name TEXT)");
        rw.createStatement().execute("INSERT INTO items VALUES (1, 'a'), (2, 'b')");
      }
      for (int i = 0; i < 2; i++) {
        String ip = kubelet.ip(n.slavePod(i));
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .ignoreExceptions()
            .until(() -> count(ip, user, password) == 2);
      }
      System.out.printf(
          "e2e: rows readable on both slaves %d ms after apply%n",
          (System.nanoTime() - start) / 1_000_000);
      // the operator's polls of /status end up in the status: every node ready
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .untilAsserted(
              () ->
                  assertThat(cluster.get(db).getStatus().getNodes())
                      .hasSize(3)
                      .allSatisfy(m -> assertThat(m.getState()).as(m.getPod()).isEqualTo("ready")));
      assertThat(cluster.get(db).getStatus().getCurrentMaster()).isEqualTo(n.masterPod());
    }
  }

  private static String value(io.fabric8.kubernetes.api.model.Secret s, String key) {
    if (s.getData() != null && s.getData().containsKey(key)) {
      return new String(Base64.getDecoder().decode(s.getData().get(key)), StandardCharsets.UTF_8);
    }
    return s.getStringData().get(key);
  }

  private static Connection connect(String ip, String user, String password) throws Exception {
    return DriverManager.getConnection(
        "jdbc:postgresql://" + ip + ":5432/distdb?connectTimeout=5", user, password);
  }

  private static long count(String ip, String user, String password) throws Exception {
    try (Connection c = connect(ip, user, password);
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM items")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
