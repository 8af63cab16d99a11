package io.distdb.operator.reconciler;

import static io.distdb.operator.reconciler.MockCluster.NAMESPACE;
import static io.distdb.operator.reconciler.MockCluster.awaitTrue;
import static io.distdb.operator.reconciler.MockCluster.condition;
import static io.distdb.operator.reconciler.MockCluster.database;
import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.operator.api.v1alpha1.DistributedDatabase;
import io.distdb.operator.api.v1alpha1.Phase;
import io.distdb.operator.api.v1alpha1.ReplicationMode;
import io.distdb.operator.api.v1alpha1.StorageSpec;
import io.distdb.operator.naming.ResourceNames;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Bad specs (the mock enforces no schema, so the reconciler's own checks are what is tested),
 * immutable fields, deletion, and a 409 on the status write.
 */
class SpecRejectionAndLifecycleTest extends MockClusterTest {

  private static List<Event> events(String db, String reason) {
    return cluster.client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(e -> e.getInvolvedObject().getName().equals(db) && reason.equals(e.getReason()))
        .toList();
  }

  private static long writesFor(String db) {
    return cluster.requests().stream()
        .filter(RecordedRequest::isWrite)
        .filter(r -> r.path().contains("/" + db) || r.path().contains("/events"))
        .count();
  }

  @Test
  void invalidSpecIsRejectedOnceWithTheFieldNamedAndNothingCreated() {
    String db = "bad";
    DistributedDatabase ddb = database(db, 2);
    ddb.getSpec().getReplication().setMode(ReplicationMode.SYNC);
    ddb.getSpec().getReplication().setMinSyncAcks(3);
    cluster.create(ddb);
    awaitTrue(() -> cluster.get(db).getStatus().getObservedGeneration() != null);
    DistributedDatabase seen = cluster.get(db);
    assertThat(seen.getStatus().getPhase()).isEqualTo(Phase.Invalid);
    assertThat(condition(seen, "Ready").getStatus()).isEqualTo("False");
    assertThat(condition(seen, "Ready").getReason()).isEqualTo("InvalidSpec");
    assertThat(condition(seen, "Ready").getMessage())
        .contains("spec.replication.minSyncAcks")
        .contains("must not exceed spec.slaves");
    assertThat(seen.getStatus().getObservedGeneration())
        .isEqualTo(seen.getMetadata().getGeneration());
    awaitTrue(() -> events(db, "SpecRejected").size() == 1);
    assertThat(events(db, "SpecRejected").get(0).getType()).isEqualTo("Warning");
    assertThat(
            cluster
                .client
                .apps()
                .statefulSets()
                .inNamespace(NAMESPACE)
                .withName(ResourceNames.of(db, NAMESPACE).masterStatefulSet())
                .get())
        .isNull();

    // an unchanged bad spec: no further writes, even when something makes it reconcile again
    long writes = writesFor(db);
    cluster
        .client
        .resource(cluster.get(db))
        .edit(
            d -> {
              d.getMetadata().setLabels(java.util.Map.of("poke", "1"));
              return d;
            });
    Awaitility.await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> writesFor(db) == writes);
    assertThat(events(db, "SpecRejected").get(0).getCount()).isEqualTo(1);

    // fixed: it goes ahead
    cluster.edit(db, d -> d.getSpec().getReplication().setMinSyncAcks(1));
    awaitTrue(() -> cluster.get(db).getStatus().getPhase() != Phase.Invalid);
    awaitTrue(() -> !events(db, "SpecAccepted").isEmpty());
  }

  @Test
  void outOfRangeValuesNameTheirField() {
    String db = "range";
    DistributedDatabase ddb = database(db, 20);
    ddb.getSpec().getHealthCheck().setPeriodSeconds(0);
    cluster.create(ddb);
    awaitTrue(() -> cluster.get(db).getStatus().getObservedGeneration() != null);
    assertThat(condition(cluster.get(db), "Ready").getMessage())
        .contains("spec.slaves: must be between 0 and 16 (got 20)")
        .contains("spec.healthCheck.periodSeconds");
  }

  @Test
  void storageClassIsImmutable() {
    String db = "immutable";
    DistributedDatabase ddb = database(db, 1);
    StorageSpec storage = new StorageSpec();
    storage.setStorageClassName("fast");
    ddb.getSpec().setStorage(storage);
    cluster.create(ddb);
    cluster.playStatefulSetController(db);
    cluster.edit(db, d -> d.getSpec().getStorage().setStorageClassName("slow"));
    awaitTrue(() -> cluster.get(db).getStatus().getPhase() == Phase.Invalid);
    assertThat(condition(cluster.get(db), "Ready").getMessage())
        .contains("spec.storage.storageClassName: is immutable: set it back to fast");
  }

  @Test
  void claimsAreOwnedOnlyWhenTheSpecSaysDeleteThem() {
    String db = "claims";
    DistributedDatabase ddb = database(db, 1);
    ddb.getSpec().getStorage().setDeleteClaimsOnDelete(true);
    cluster.create(ddb);
    ResourceNames n = ResourceNames.of(db, NAMESPACE);
    awaitTrue(
        () -> {
          var claim =
              cluster
                  .client
                  .persistentVolumeClaims()
                  .inNamespace(NAMESPACE)
                  .withName(n.slaveClaim(0))
                  .get();
          return claim != null && claim.getMetadata().getOwnerReferences().size() == 1;
        });
    var sts =
        Awaitility.await()
            .until(
                () ->
                    cluster
                        .client
                        .apps()
                        .statefulSets()
                        .inNamespace(NAMESPACE)
                        .withName(n.masterStatefulSet())
                        .get(),
                s -> s != null);
    assertThat(sts.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted())
        .isEqualTo("Delete");
    // changing its mind keeps the claims: the owner reference goes
    cluster.edit(db, d -> d.getSpec().getStorage().setDeleteClaimsOnDelete(false));
    awaitTrue(
        () ->
            cluster
                .client
                .persistentVolumeClaims()
                .inNamespace(NAMESPACE)
                .withName(n.slaveClaim(0))
                .get()
                .getMetadata()
                .getOwnerReferences()
                .isEmpty());
  }

  @Test
  void deletionRemovesTheFinalizerAndTheDatabase() {
    String db = "gone";
    cluster.create(database(db, 1));
    awaitTrue(
        () ->
            cluster.get(db).getMetadata().getFinalizers() != null
                && !cluster.get(db).getMetadata().getFinalizers().isEmpty());
    cluster.client.resource(cluster.get(db)).delete();
    awaitTrue(() -> cluster.get(db) == null);
  }

  @Test
  void statusConflictIsWrittenAgainOnTheLatestVersion() {
    String db = "conflict";
    cluster
        .server
        .expect()
        .put()
        .withPath("/apis/distdb.io/v1alpha1/namespaces/test/distributeddatabases/" + db + "/status")
        .andReturn(
            409,
            new io.fabric8.kubernetes.api.model.StatusBuilder()
                .withCode(409)
                .withReason("Conflict")
                .withMessage("the object has been modified")
                .build())
        .once();
    cluster.create(database(db, 0));
    awaitTrue(() -> cluster.get(db).getStatus().getObservedGeneration() == 1L);
    assertThat(cluster.get(db).getStatus().getPhase()).isNotEqualTo(Phase.Invalid);
    awaitTrue(() -> statusWrites(db).size() >= 2);
    assertThat(statusWrites(db).get(0).method()).isEqualTo("PUT");
  }

  private static List<RecordedRequest> statusWrites(String db) {
    return cluster.requests().stream()
        .filter(r -> r.resource().equals("distributeddatabases/status") && r.isWrite())
        .filter(r -> r.path().contains("/" + db + "/"))
        .toList();
  }
}
