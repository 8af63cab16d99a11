package io.distdb.operator.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.distdb.operator.api.v1alpha1.DistributedDatabase;
import io.distdb.operator.api.v1alpha1.DistributedDatabaseSpec;
import io.distdb.operator.api.v1alpha1.ReplicationMode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {

  private final SpecValidator validator = new SpecValidator("distdb/db-node:0.2.0");

  private static DistributedDatabase ddb(DistributedDatabaseSpec spec) {
    DistributedDatabase d = new DistributedDatabase();
    d.setMetadata(new ObjectMetaBuilder().withName("shop").withNamespace("ns").build());
    d.setSpec(spec);
    return d;
  }

  private Validation.Invalid invalid(DistributedDatabaseSpec spec, ExistingStorage existing) {
    Validation v = validator.validate(ddb(spec), existing);
    assertThat(v).isInstanceOf(Validation.Invalid.class);
    return (Validation.Invalid) v;
  }

  @Test
  void defaultsFillAnEmptySpec() {
    Validation v = validator.validate(ddb(new DistributedDatabaseSpec()), null);
    assertThat(v).isInstanceOf(Validation.Valid.class);
    ResolvedSpec s = ((Validation.Valid) v).spec();
    assertThat(s.slaves()).isEqualTo(2);
    assertThat(s.image()).isEqualTo("distdb/db-node:0.2.0");
    assertThat(s.storageSize()).isEqualTo("1Gi");
    assertThat(s.mode()).isEqualTo(ReplicationMode.ASYNC);
    assertThat(s.ackTimeoutMillis()).isEqualTo(5000);
    assertThat(s.credentialsSecret()).isEqualTo("shop-credentials");
  }

  @Test
  void minSyncAcksAboveSlavesOnlyMattersInSyncModes() {
    DistributedDatabaseSpec spec = new DistributedDatabaseSpec();
    spec.setSlaves(0);
    assertThat(validator.validate(ddb(spec), null)).isInstanceOf(Validation.Valid.class);
    spec.getReplication().setMode(ReplicationMode.REMOTE_APPLY);
    assertThat(invalid(spec, null).first().field()).isEqualTo("spec.replication.minSyncAcks");
  }

  @Test
  void eachBadFieldIsNamed() {
    DistributedDatabaseSpec spec = new DistributedDatabaseSpec();
    spec.setImage("Not An Image");
    spec.getStorage().setSize("lots");
    spec.getReplication().setAckTimeout("5 seconds");
    spec.setCredentialsSecret("Bad_Name");
    assertThat(invalid(spec, null).violations())
        .extracting(Violation::field)
        .containsExactly(
            "spec.image",
            "spec.storage.size",
            "spec.replication.ackTimeout",
            "spec.credentialsSecret");
  }

  @Test
  void storageIsCheckedAgainstWhatExists() {
    DistributedDatabaseSpec spec = new DistributedDatabaseSpec();
    spec.getStorage().setSize("2Gi");
    assertThat(invalid(spec, new ExistingStorage("fast", "1Gi")).violations())
        .extracting(Violation::toString)
        .containsExactly(
            "spec.storage.storageClassName: is immutable: set it back to fast",
            "spec.storage.size: cannot change after creation (volume expansion is not supported):"
                + " set it back to 1Gi");
  }

  @Test
  void durations() {
    assertThat(Durations.toMillis("500ms")).isEqualTo(500);
    assertThat(Durations.toMillis("5s")).isEqualTo(5000);
    assertThat(Durations.toMillis("2m")).isEqualTo(120_000);
  }
}
