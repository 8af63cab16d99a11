package io.distdb.operator.reconciler;

import static io.distdb.operator.reconciler.MockCluster.NAMESPACE;
import static io.distdb.operator.reconciler.MockCluster.awaitTrue;
import static io.distdb.operator.reconciler.MockCluster.condition;
import static io.distdb.operator.reconciler.MockCluster.database;
import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.operator.naming.ResourceNames;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A healthy, unchanged database costs the API server no writes. The figure is 30 s; the
 * window here is {@code -Ddistdb.test.quietSeconds} (default 10 s, to keep CI short), with a resync
 * of every informer inside it forced by touching a pod's status.
 */
class QuietClusterTest extends MockClusterTest {

  @Test
  void healthyUnchangedDatabaseWritesNothing() {
    String db = "quiet";
    ResourceNames n = ResourceNames.of(db, NAMESPACE);
    cluster.create(database(db, 2));
    cluster.playStatefulSetController(db);
    cluster.markReady(n.masterPod());
    cluster.markReady(n.slavePod(0));
    cluster.markReady(n.slavePod(1));
    awaitTrue(() -> "False".equals(condition(cluster.get(db), "Progressing").getStatus()));
    awaitTrue(() -> "True".equals(condition(cluster.get(db), "Ready").getStatus()));
    // let in-flight reconciles settle, then watch for writes
    Awaitility.await()
        .pollDelay(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(10))
        .until(() -> writes().size(), size -> size == writes().size());
    int before = writes().size();
    long reconcilesBefore = cluster.requests().size();
    // a pod event makes it reconcile again: it must find nothing to change
    var pod = cluster.pod(n.slavePod(0));
    pod.getStatus()
        .getConditions()
        .add(
            new io.fabric8.kubernetes.api.model.PodConditionBuilder()
                .withType("ContainersReady")
                .withStatus("True")
                .build());
    cluster.client.resource(pod).updateStatus();
    long seconds = Long.getLong("distdb.test.quietSeconds", 10);
    Awaitility.await()
        .during(Duration.ofSeconds(seconds))
        .atMost(Duration.ofSeconds(seconds + 5))
        .until(() -> writes().size() == before);
    assertThat(cluster.requests().size())
        .as("it did reconcile (reads) in the window")
        .isGreaterThan((int) reconcilesBefore);
  }

  private static List<RecordedRequest> writes() {
    return cluster.requests().stream().filter(RecordedRequest::isWrite).toList();
  }
}
