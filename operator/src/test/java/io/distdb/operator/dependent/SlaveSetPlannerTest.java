package io.distdb.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.operator.api.v1alpha1.DistributedDatabase;
import io.distdb.operator.api.v1alpha1.DistributedDatabaseSpec;
import io.distdb.operator.spec.ResolvedSpec;
import io.distdb.operator.spec.SpecValidator;
import io.distdb.operator.spec.Validation;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The slave set's plan, without an API server. */
class SlaveSetPlannerTest {

  private static ResolvedSpec spec(int slaves, String image) {
    DistributedDatabaseSpec s = new DistributedDatabaseSpec();
    s.setSlaves(slaves);
    s.setImage(image);
    DistributedDatabase d = new DistributedDatabase();
    d.setMetadata(
        new ObjectMetaBuilder().withName("db").withNamespace("ns").withUid("uid").build());
    d.setSpec(s);
    return ((Validation.Valid) new SpecValidator("x/y:1").validate(d, null)).spec();
  }

  private static Pod ready(Pod pod) {
    pod.setStatus(
        new PodStatusBuilder()
            .withConditions(new PodConditionBuilder().withType("Ready").withStatus("True").build())
            .build());
    return pod;
  }

  @Test
  void createsMissingSlavesWithTheirClaims() {
    SlavePlan plan = SlaveSetPlanner.plan(spec(2, "a/b:1"), List.of(), List.of());
    assertThat(plan.podsToCreate())
        .extracting(p -> p.getMetadata().getName())
        .containsExactly("db-slave-0", "db-slave-1");
    assertThat(plan.claimsToCreate())
        .extracting(c -> c.getMetadata().getName())
        .containsExactly("db-slave-0-data", "db-slave-1-data");
    assertThat(plan.upToDate()).isFalse();
  }

  @Test
  void scaleDownRemovesTheHighestOrdinals() {
    ResolvedSpec three = spec(3, "a/b:1");
    String hash = SlaveSetPlanner.podHash(three);
    List<Pod> pods =
        List.of(0, 1, 2).stream()
            .map(i -> ready(SlaveSetPlanner.desiredPod(three, i, hash)))
            .toList();
    List<PersistentVolumeClaim> claims =
        List.of(0, 1, 2).stream().map(i -> SlaveSetPlanner.desiredClaim(three, i)).toList();
    SlavePlan plan = SlaveSetPlanner.plan(spec(1, "a/b:1"), pods, claims);
    assertThat(plan.podsToDelete()).containsExactly("db-slave-2", "db-slave-1");
    assertThat(plan.claimsToDelete()).containsExactly("db-slave-2-data", "db-slave-1-data");
    assertThat(plan.podsToCreate()).isEmpty();
  }

  @Test
  void rollsOneStaleSlaveOnlyWhileAllAreReady() {
    ResolvedSpec old = spec(2, "a/b:1");
    String oldHash = SlaveSetPlanner.podHash(old);
    List<Pod> pods =
        List.of(
            ready(SlaveSetPlanner.desiredPod(old, 0, oldHash)),
            ready(SlaveSetPlanner.desiredPod(old, 1, oldHash)));
    List<PersistentVolumeClaim> claims =
        List.of(SlaveSetPlanner.desiredClaim(old, 0), SlaveSetPlanner.desiredClaim(old, 1));
    SlavePlan plan = SlaveSetPlanner.plan(spec(2, "a/b:2"), pods, claims);
    assertThat(plan.rolledPod()).isEqualTo("db-slave-0");
    assertThat(plan.podsToDelete()).containsExactly("db-slave-0");
    assertThat(plan.upToDate()).isFalse();

    pods.get(1).setStatus(null); // slave 1 not ready: nothing rolls
    assertThat(SlaveSetPlanner.plan(spec(2, "a/b:2"), pods, claims).rolledPod()).isNull();
  }

  @Test
  void aDyingClaimBlocksItsOrdinal() {
    ResolvedSpec s = spec(1, "a/b:1");
    PersistentVolumeClaim dying = SlaveSetPlanner.desiredClaim(s, 0);
    dying.getMetadata().setDeletionTimestamp("2026-12-02T00:00:00Z");
    SlavePlan plan = SlaveSetPlanner.plan(s, List.of(), List.of(dying));
    assertThat(plan.podsToCreate()).isEmpty();
    assertThat(plan.claimsToCreate()).isEmpty();
    assertThat(plan.upToDate()).isFalse();
  }

  @Test
  void aPodWhoseClaimIsGoneGetsNoNewClaimUnderIt() {
    ResolvedSpec s = spec(1, "a/b:1");
    Pod orphan = SlaveSetPlanner.desiredPod(s, 0, SlaveSetPlanner.podHash(s));
    SlavePlan plan = SlaveSetPlanner.plan(s, List.of(orphan), List.of());
    assertThat(plan.claimsToCreate()).as("the healer replaces the pod first").isEmpty();
    assertThat(plan.podsToCreate()).isEmpty();
    assertThat(plan.upToDate()).isFalse();
  }
}
